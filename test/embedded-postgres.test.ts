import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { resolveDatabase, type Database } from '../src/db/database';
import { RELOCATED_CLUSTERS_DIR } from '../src/db/embedded';
import { createLogger } from '../src/logger';
import { testConfig } from './support/server';

// The zero-setup path: no DATABASE_URL, so the server runs its own PostgreSQL in DATA_DIR.

let dataDir: string;
let running: Database[] = [];
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dsr-hooks-embedded-'));
  chmodSync(dataDir, 0o755); // as root, the cluster's system user must be able to enter it
});
afterEach(async () => {
  await Promise.all(running.map((db) => db.stop()));
  running = [];
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(overrides: Parameters<typeof testConfig>[0] = {}) {
  const lines: Record<string, any>[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  const db = await resolveDatabase(testConfig({ dataDir, databaseUrl: undefined, ...overrides }), logger);
  running.push(db);
  return { db, lines };
}

async function stop(db: Database) {
  await db.stop();
  running = running.filter((d) => d !== db);
}

async function query(url: string, text: string): Promise<any[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

function postmasterPid(): number | undefined {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Another app process running the embedded cluster on dataDir (test/support/embedded-child.js). */
async function startAppProcess(mode: 'exit' | 'stay') {
  const child = spawn(process.execPath, [join(__dirname, 'support', 'embedded-child.js'), dataDir, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(JSON.parse(out).url);
    });
    child.once('exit', (code) => reject(new Error(`the app process exited with ${code} before PostgreSQL was ready`)));
  });
  return { child, url, exited };
}

describe('embedded PostgreSQL without DATABASE_URL', () => {
  it('starts PostgreSQL 17 in DATA_DIR/pg and logs that it is the embedded one, for development', async () => {
    const { db, lines } = await start();
    const [{ server_version_num }] = await query(db.url, 'show server_version_num');
    expect(Number(server_version_num)).toBeGreaterThanOrEqual(170000);
    const line = lines.find((l) => l.database === 'embedded');
    expect(line).toMatchObject({ dataDir: join(dataDir, 'pg') });
    expect(line!.msg).toContain('for development');
    expect(line!.msg).toContain(join(dataDir, 'pg'));
  });

  it('runs the cluster as an unprivileged user, never as root', async () => {
    await start();
    const owner = statSync(join(dataDir, 'pg')).uid;
    const postgresUid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${postmasterPid()}/status`, 'utf8'))![1]);
    expect(owner).not.toBe(0);
    expect(postgresUid).toBe(owner);
    if (process.getuid!() !== 0) expect(owner).toBe(process.getuid!());
  });

  it('keeps the data across a restart', async () => {
    const first = await start();
    await query(first.db.url, "create table kept (v text); insert into kept values ('still here')");
    await stop(first.db);
    expect(postmasterPid()).toBeUndefined();

    const second = await start();
    expect(await query(second.db.url, 'select v from kept')).toEqual([{ v: 'still here' }]);
  });

  it('uses EMBEDDED_PG_PORT when it is set', async () => {
    const port = await freePort();
    const { db } = await start({ embeddedPgPort: port });
    expect(new URL(db.url).port).toBe(String(port));
    expect(await query(db.url, 'select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('refuses a second server on the same DATA_DIR, naming the directory and the pid', async () => {
    await start();
    await expect(start({ embeddedPgPort: undefined })).rejects.toThrow(
      `DATA_DIR ${dataDir} is in use by another dsr-hooks server (pid ${process.pid}`,
    );
  });

  it('refuses while another live process holds the DATA_DIR', async () => {
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dataDir, 'server.lock'), `${sleeper.pid}\n`);
      await expect(start()).rejects.toThrow(`in use by another dsr-hooks server (pid ${sleeper.pid}`);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dataDir, 'server.lock'), `${dead}\n`);
    const { db } = await start();
    expect(await query(db.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    expect(readFileSync(join(dataDir, 'server.lock'), 'utf8').trim()).toBe(String(process.pid));
  });

  it('stops PostgreSQL when the app exits normally', async () => {
    const app = await startAppProcess('exit');
    await app.exited;
    expect(existsSync(join(dataDir, 'server.lock'))).toBe(false);
    await waitUntil(() => postmasterPid() === undefined, 'PostgreSQL has shut down');
  });

  it('recovers the cluster, with its data, after the app was killed with SIGKILL', async () => {
    const app = await startAppProcess('stay');
    await query(app.url, "create table kept (v text); insert into kept values ('survives a kill')");
    const orphan = postmasterPid()!;
    app.child.kill('SIGKILL');
    await app.exited;
    expect(isAlive(orphan)).toBe(true); // PostgreSQL outlived the app; the next start must deal with it

    const { db, lines } = await start();
    expect(isAlive(orphan)).toBe(false);
    expect(await query(db.url, 'select v from kept')).toEqual([{ v: 'survives a kill' }]);
    expect(lines.some((l) => l.level === 40 && /did not stop cleanly/.test(l.msg))).toBe(true);
  });
});

describe('choosing the database', () => {
  it('uses DATABASE_URL when given and logs its host without the password', async () => {
    const lines: Record<string, any>[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
    const url = 'postgres://app:s3cr3t-pw@db.example.com:6543/dsr';
    const db = await resolveDatabase(testConfig({ dataDir, databaseUrl: url }), logger);
    expect(db.url).toBe(url);
    expect(JSON.stringify(lines)).toContain('db.example.com:6543');
    expect(JSON.stringify(lines)).not.toContain('s3cr3t-pw');
    expect(existsSync(join(dataDir, 'pg'))).toBe(false);
  });

  it('refuses to start in production without DATABASE_URL, naming DATABASE_URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', APP_ENCRYPTION_KEY: 'k'.repeat(32) })).toThrow(
      /DATABASE_URL is required when NODE_ENV=production/,
    );
  });

  it('rejects an EMBEDDED_PG_PORT that is not a port number', () => {
    expect(() => loadConfig({ EMBEDDED_PG_PORT: 'fivefour' })).toThrow(/EMBEDDED_PG_PORT must be a whole number 0-65535/);
    expect(loadConfig({ EMBEDDED_PG_PORT: '55432' }).embeddedPgPort).toBe(55432);
    expect(loadConfig({}).embeddedPgPort).toBeUndefined();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('as root, with DATA_DIR inside a directory of mode 0700 (a clone in /root or mktemp -d)', () => {
  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  let privateDir: string;
  beforeEach(() => {
    privateDir = mkdtempSync(join(tmpdir(), 'dsr-hooks-private-'));
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    dataDir = join(privateDir, '.dsr-hooks');
  });
  afterEach(async () => {
    await Promise.all(running.map((db) => db.stop()));
    running = [];
    rmSync(privateDir, { recursive: true, force: true });
    rmSync(relocatedDir(), { recursive: true, force: true });
  });

  /** Where the start log says the cluster is. */
  const relocatedDir = () => join(RELOCATED_CLUSTERS_DIR, createHash('sha256').update(dataDir).digest('hex').slice(0, 16));

  asRoot(
    'keeps the cluster in a root-owned, traversable directory derived from DATA_DIR, run by the system user, and says where',
    async () => {
      const { db, lines } = await start();
      const pgDir = join(relocatedDir(), 'pg');
      const line = lines.find((l) => l.database === 'embedded');
      expect(line).toMatchObject({ dataDir: pgDir });
      expect(line!.msg).toContain(`${pgDir} (outside DATA_DIR ${dataDir}`);
      for (const dir of [RELOCATED_CLUSTERS_DIR, relocatedDir()]) {
        expect(statSync(dir).uid).toBe(0);
        expect(statSync(dir).mode & 0o711).toBe(0o711);
      }
      const owner = statSync(pgDir).uid;
      expect(owner).not.toBe(0);
      expect(owner).toBe(Number(spawnSync('id', ['-u', 'dsr-hooks'], { encoding: 'utf8' }).stdout.trim()));
      expect(await query(db.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      // the lock, the password and PostgreSQL's log stay in DATA_DIR
      for (const file of ['server.lock', 'pg.password', 'pg.log']) expect(existsSync(join(dataDir, file))).toBe(true);
      expect(existsSync(join(dataDir, 'pg'))).toBe(false);
    },
  );

  asRoot('finds the same cluster again at the next start, refuses a second server, and recovers after a SIGKILL', async () => {
    const first = await start();
    await query(first.db.url, "create table kept (v text); insert into kept values ('still here')");
    await expect(start()).rejects.toThrow(`DATA_DIR ${dataDir} is in use by another dsr-hooks server`);
    await stop(first.db);

    const app = await startAppProcess('stay');
    expect(await query(app.url, 'select v from kept')).toEqual([{ v: 'still here' }]);
    const pidFile = join(relocatedDir(), 'pg', 'postmaster.pid');
    const orphan = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    app.child.kill('SIGKILL');
    await app.exited;
    expect(isAlive(orphan)).toBe(true);

    const { db, lines } = await start();
    expect(isAlive(orphan)).toBe(false);
    expect(await query(db.url, 'select v from kept')).toEqual([{ v: 'still here' }]);
    expect(lines.some((l) => l.level === 40 && /did not stop cleanly/.test(l.msg))).toBe(true);
  });
});
