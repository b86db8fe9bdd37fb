import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/db/embedded';
import type { RunningServer } from '../src/server';
import { createRequests, setUpPolicy } from './support/privacy-requests';
import { startRequestReceiver, type RequestReceiver } from './support/request-receiver';
import { clientFor, TEST_ENCRYPTION_KEY, TEST_ROOT_CLIENT, testConfig, type TestServer } from './support/server';

/**
 * `node dist/main.js serve` (build first) over a PostgreSQL of this test's own, which the test
 * stops and starts again while privacy requests are running.
 */
const MAIN = join(__dirname, '..', 'dist', 'main.js');
let dataDir: string;
let port: number;
let pg: EmbeddedPostgres | undefined;
let serve: ChildProcess;
const logLines: Record<string, any>[] = [];
let t: TestServer;
let r: RequestReceiver;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
}

const startPostgres = () => startEmbeddedPostgres({ dataDir, port, settings: { fsync: 'off', synchronous_commit: 'off' } });

async function sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: pg!.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

async function health(): Promise<number> {
  const res = await fetch(`${t.url}/health`);
  await res.text();
  return res.status;
}

async function statuses(ids: string[]): Promise<string[]> {
  const rows = await sql<{ status: string }>('select status from privacy_request where id = any($1::uuid[])', [ids]);
  return rows.map((row) => row.status);
}

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" before this test`);
  dataDir = mkdtempSync(join(tmpdir(), 'dsr-hooks-outage-'));
  chmodSync(dataDir, 0o755); // as root, the cluster's system user must be able to enter it
  port = await freePort();
  pg = await startPostgres();
  // every call takes a while, so requests are mid-run when the database goes
  r = await startRequestReceiver(async () => {
    await new Promise((res) => setTimeout(res, 50));
    return { body: {} };
  });

  serve = spawn(process.execPath, [MAIN, 'serve'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: pg.url,
      APP_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY.toString('utf8'),
      OAUTH_ROOT_CLIENT_ID: TEST_ROOT_CLIENT.clientId,
      OAUTH_ROOT_CLIENT_SECRET: TEST_ROOT_CLIENT.clientSecret,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      WORKER_CONCURRENCY: '4',
      LOG_LEVEL: 'info',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      DATABASE_ACQUIRE_TIMEOUT_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '5000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    serve.stdout!.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines.filter((l) => l.startsWith('{'))) {
        const parsed = JSON.parse(line);
        logLines.push(parsed);
        if (parsed.msg?.startsWith('dsr-hooks is listening')) resolve(String(parsed.url).replace(/\/graphql$/, ''));
      }
    });
    serve.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening`)));
  });
  const config = testConfig({ rootClientId: TEST_ROOT_CLIENT.clientId, rootClientSecret: TEST_ROOT_CLIENT.clientSecret });
  t = clientFor({ url } as RunningServer, config);
  await setUpPolicy(
    t,
    'outage',
    [
      { key: 'first', direction: 'ONE_WAY', url: r.url },
      { key: 'second', direction: 'ONE_WAY', url: r.url },
    ],
    [{ key: 'after', direction: 'ONE_WAY', url: r.url }],
  );
}, 120_000);

afterAll(async () => {
  serve?.kill('SIGKILL');
  await pg?.stop();
  await r?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('serve outlives a PostgreSQL outage under load: /health says 503 meanwhile, then every request completes by itself', async () => {
  const inputs = Array.from({ length: 60 }, (_, i) => ({ policyKey: 'outage', identity: { email: `before-${i}@example.com` } }));
  const ids = [...(await createRequests(t, inputs.slice(0, 30))), ...(await createRequests(t, inputs.slice(30)))].map((req) => req.id);
  await until('requests to be mid-run', async () => {
    const now = await statuses(ids);
    return now.includes('IN_PROCESSING') && now.filter((s) => s === 'COMPLETE').length >= 3;
  });

  await pg!.stop();
  pg = undefined;
  await until('/health to answer 503', async () => (await health()) === 503);
  await until('the worker to notice', () => logLines.some((l) => /lost the worker liveness connection/.test(l.msg)));
  // the API still answers, quickly and with a clear error, while the database is away
  const during = await t.gql('{ policies { totalCount } }');
  expect(during.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
  expect(await health()).toBe(503);
  expect(serve.exitCode).toBeNull();

  pg = await startPostgres();
  await until('/health to answer 200 again', async () => (await health()) === 200);
  await until('every request to complete', async () => (await statuses(ids)).every((s) => s === 'COMPLETE'), 90_000);
  expect(logLines.some((l) => /reconnected to PostgreSQL/.test(l.msg))).toBe(true);

  // and new work runs too
  const later = (await createRequests(t, [{ policyKey: 'outage', identity: { email: 'after@example.com' } }])).map((req) => req.id);
  await until('the new request to complete', async () => (await statuses(later)).every((s) => s === 'COMPLETE'));
  for (const id of [...ids, ...later]) {
    const paths = new Set(r.calls.filter((c) => c.body?.privacy_request_id === id).map((c) => c.path));
    expect([...paths].sort()).toEqual(['/after', '/first', '/second']);
  }
  expect(serve.exitCode).toBeNull();

  serve.kill('SIGTERM');
  const code = await new Promise((resolve) => serve.once('exit', (c) => resolve(c)));
  expect(code).toBe(0);
}, 240_000);
