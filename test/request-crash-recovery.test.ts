import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { createLogger } from '../src/logger';
import { startServer, type RunningServer } from '../src/server';
import { createTestDatabase } from './support/database';
import { clientFor, createRequests, setUpPolicy } from './support/privacy-requests';
import { startRequestReceiver, type RequestReceiver } from './support/request-receiver';
import { testConfig, type TestServer } from './support/server';
import { requireBuild, spawnWorkerProcess } from './support/worker-process';

/**
 * Crash recovery with real processes: workers run as `node dist/main.js worker` children over the
 * test database (build first: `npm run build`), the API runs here without a worker.
 */
let db: { url: string; drop(): Promise<void> };
let r: RequestReceiver;
let api: RunningServer;
let t: TestServer;
const children = new Set<ChildProcess>();

function startWorkerProcess(): ChildProcess {
  const child = spawnWorkerProcess(db.url);
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function exited(child: ChildProcess, timeoutMs = 20000): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker process did not exit')), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal);
    });
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

async function statuses(ids: string[]): Promise<Map<string, string>> {
  const rows = await t.sql(`select id, status from privacy_request where id = any(?::uuid[])`, [`{${ids.join(',')}}`]);
  return new Map(rows.map((row: any) => [row.id, row.status]));
}

/** The expected end of a request by its email: "fail-…" ERROR, "halt-…" PAUSED, others COMPLETE. */
const expectedStatus = (email: string) => (email.startsWith('fail') ? 'ERROR' : email.startsWith('halt') ? 'PAUSED' : 'COMPLETE');

async function createBatch(prefix: string, n: number): Promise<Map<string, string>> {
  const kinds = ['ok', 'ok', 'ok', 'fail', 'halt'];
  const inputs = Array.from({ length: n }, (_, i) => ({
    policyKey: 'crash',
    identity: { email: `${kinds[i % kinds.length]}-${prefix}-${i}@example.com` },
  }));
  const expected = new Map<string, string>();
  for (let i = 0; i < inputs.length; i += 50) {
    const created = await createRequests(t, inputs.slice(i, i + 50));
    created.forEach((request: any) => expected.set(request.id, expectedStatus(request.identity.email)));
  }
  return expected;
}

async function allReachExpected(expected: Map<string, string>, timeoutMs: number): Promise<void> {
  await until(
    'every request to reach its expected status',
    async () => {
      const now = await statuses([...expected.keys()]);
      return [...expected].every(([id, status]) => now.get(id) === status);
    },
    timeoutMs,
  );
}

beforeAll(async () => {
  requireBuild();
  r = await startRequestReceiver(async (call) => {
    await new Promise((res) => setTimeout(res, 40));
    const email: string = call.body?.identity?.email ?? '';
    if (call.path === '/check' && email.startsWith('fail')) return { status: 422 };
    return { body: { halt: call.path === '/check' && email.startsWith('halt') } };
  });
  db = await createTestDatabase();
  const config = testConfig({ databaseUrl: db.url, workerConcurrency: 0 });
  api = await startServer(config, createLogger('silent'));
  t = clientFor(api, config);
  await setUpPolicy(
    t,
    'crash',
    [
      { key: 'notice', direction: 'ONE_WAY', url: r.url },
      { key: 'check', direction: 'TWO_WAY', url: r.url },
    ],
    [{ key: 'done', direction: 'ONE_WAY', url: r.url }],
  );
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await api?.close();
  await db?.drop();
  await r?.close();
});

it('a worker killed with SIGKILL mid-run loses no request: a new worker finishes them all within a minute', async () => {
  const expected = await createBatch('kill', 150);
  const first = startWorkerProcess();
  await until(
    'the first worker to be mid-run',
    async () => {
      const now = await statuses([...expected.keys()]);
      const done = [...now.values()].filter((s) => s !== 'PENDING' && s !== 'IN_PROCESSING').length;
      return done >= 10 && [...now.values()].includes('IN_PROCESSING');
    },
    30000,
  );
  first.kill('SIGKILL');
  expect(await exited(first)).toBe('SIGKILL');
  const interrupted = [...(await statuses([...expected.keys()])).values()].filter((s) => s === 'IN_PROCESSING').length;
  expect(interrupted).toBeGreaterThan(0);

  const second = startWorkerProcess();
  await allReachExpected(expected, 60000);
  const [registrations] = await t.sql('select count(*)::int as n from worker_registration');
  expect(registrations.n).toBe(4); // the dead worker's ids are gone, the live one's remain

  second.kill('SIGTERM');
  expect(await exited(second)).toBe(0);
  const [after] = await t.sql('select count(*)::int as n from worker_registration');
  expect(after.n).toBe(0);
}, 120000);

it('a surviving worker takes over the jobs of one killed beside it, without a restart', async () => {
  const expected = await createBatch('peer', 120);
  const doomed = startWorkerProcess();
  const survivor = startWorkerProcess();
  await until(
    'both workers to be mid-run',
    async () => {
      const [row] = await t.sql(
        `select count(distinct locked_by)::int as n from graphile_worker._private_jobs where locked_by is not null`,
      );
      return row.n >= 5; // ids from both processes (4 each) hold jobs
    },
    30000,
  );
  const [registered] = await t.sql('select count(*)::int as n from worker_registration');
  expect(registered.n).toBe(8);
  doomed.kill('SIGKILL');
  expect(await exited(doomed)).toBe('SIGKILL');
  await allReachExpected(expected, 60000);
  // the survivor finds the dead ids (their lock is gone) and releases their jobs
  await until(
    'the dead worker ids to be released',
    async () => (await t.sql('select count(*)::int as n from worker_registration'))[0].n === 4,
    20000,
  );
  survivor.kill('SIGTERM');
  expect(await exited(survivor)).toBe(0);
}, 120000);

it('on SIGTERM a worker stops taking jobs, finishes or releases the ones in flight and exits 0', async () => {
  const expected = await createBatch('term', 60);
  const worker = startWorkerProcess();
  await until(
    'the worker to be mid-run',
    async () => [...(await statuses([...expected.keys()])).values()].includes('IN_PROCESSING'),
    30000,
  );
  worker.kill('SIGTERM');
  expect(await exited(worker)).toBe(0);
  const next = startWorkerProcess();
  await allReachExpected(expected, 60000);
  next.kill('SIGTERM');
  expect(await exited(next)).toBe(0);
}, 120000);

it('a worker whose liveness connection breaks exits at once', async () => {
  const worker = startWorkerProcess();
  await until(
    'the worker to hold its liveness lock',
    async () => {
      const rows = await t.sql(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'dsr-hooks liveness'`,
      );
      return rows[0].n === 1;
    },
    20000,
  );
  await t.sql(
    `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'dsr-hooks liveness'`,
  );
  expect(await exited(worker)).toBe(1);
}, 60000);
