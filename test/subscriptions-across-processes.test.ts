import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { notifyRequestChanged } from '../src/db/notify';
import { createLogger } from '../src/logger';
import { startServer, type RunningServer } from '../src/server';
import { createTestDatabase } from './support/database';
import { clientFor, createRequest, setUpPolicy } from './support/privacy-requests';
import { startRequestReceiver, type ReceivedCall, type RequestReceiver } from './support/request-receiver';
import { testConfig, type TestServer } from './support/server';
import { requireBuild, spawnWorkerProcess } from './support/worker-process';
import { changeUntilSeen, openSocket, subscribe, type Subscription, type TestSocket } from './support/websocket';

/**
 * Subscribers on the API process follow requests run by a worker in another process
 * (`node dist/main.js worker`; build first): events travel through PostgreSQL NOTIFY.
 */
let db: { url: string; drop(): Promise<void> };
let r: RequestReceiver;
let api: RunningServer;
let t: TestServer;
let worker: ChildProcess | null = null;
const sockets: TestSocket[] = [];
/** Webhook calls wait here until the test lets them through. */
let gate: Promise<void> = Promise.resolve();
let openGate: () => void = () => undefined;
let calls: ReceivedCall[] = [];

function closeGate(): void {
  gate = new Promise((resolve) => (openGate = resolve));
}

function startWorkerProcess(): ChildProcess {
  return spawnWorkerProcess(db.url, 2);
}

beforeAll(async () => {
  requireBuild();
  r = await startRequestReceiver(async (call) => {
    calls.push(call);
    await gate;
    return { body: { halt: call.path === '/approve' && call.body?.identity?.email?.startsWith('halt') } };
  });
  db = await createTestDatabase();
  const config = testConfig({ databaseUrl: db.url, workerConcurrency: 0 });
  api = await startServer(config, createLogger('silent'));
  t = clientFor(api, config);
  await setUpPolicy(t, 'probe', []);
  await setUpPolicy(
    t,
    'live',
    [{ key: 'approve', direction: 'TWO_WAY', url: r.url }],
    [{ key: 'notify', direction: 'ONE_WAY', url: r.url }],
  );
});
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => s.dispose()));
});
afterAll(async () => {
  worker?.kill('SIGKILL');
  await api?.close();
  await db?.drop();
  await r?.close();
});

async function socket(): Promise<TestSocket> {
  const s = openSocket(api.url, { Authorization: `Bearer ${await t.token(['privacy-request:read'])}` });
  sockets.push(s);
  return s;
}

const UPDATED = `subscription($id: ID!) { privacyRequestUpdated(id: $id) { id status deliveries { outcome } } }`;
const CHANGED = `subscription { privacyRequestsChanged { id status } }`;

/** The statuses a subscription saw for one request, repeats folded. */
function statusesOf(sub: Subscription, id: string, field: 'privacyRequestUpdated' | 'privacyRequestsChanged'): string[] {
  const seen = sub.results
    .map((res) => res.data?.[field])
    .filter((v: any) => v?.id === id)
    .map((v: any) => v.status as string);
  return seen.filter((status, i) => status !== seen[i - 1]);
}

/** Waits until privacyRequestsChanged is registered: requests of a policy without webhooks show up on it. */
async function registered(changes: Subscription): Promise<void> {
  const probes = new Set<string>();
  await changeUntilSeen(
    changes,
    async () => probes.add((await createRequest(t, 'probe')).id),
    (res) => probes.has(res.data?.privacyRequestsChanged?.id),
    'a probe request',
  );
}

const hasStatus = (field: string, id: string, status: string) => (res: any) =>
  res.data?.[field]?.id === id && res.data[field].status === status;

it('a request run by a worker process streams PENDING -> IN_PROCESSING -> COMPLETE, in order, to subscribers of the API process', async () => {
  const changes = subscribe(await socket(), CHANGED);
  await registered(changes);
  closeGate();
  calls = [];
  const request = await createRequest(t, 'live', { email: 'ok-1@example.com' });
  await changes.until(hasStatus('privacyRequestsChanged', request.id, 'PENDING'), 'PENDING');
  const updated = subscribe(await socket(), UPDATED, { id: request.id });
  await updated.until(hasStatus('privacyRequestUpdated', request.id, 'PENDING'), 'the current state first');

  worker ??= startWorkerProcess();
  await changes.until(hasStatus('privacyRequestsChanged', request.id, 'IN_PROCESSING'), 'IN_PROCESSING');
  await updated.until(hasStatus('privacyRequestUpdated', request.id, 'IN_PROCESSING'), 'IN_PROCESSING');
  openGate();
  await changes.until(hasStatus('privacyRequestsChanged', request.id, 'COMPLETE'), 'COMPLETE');
  const final = await updated.until(hasStatus('privacyRequestUpdated', request.id, 'COMPLETE'), 'COMPLETE');

  expect(statusesOf(changes, request.id, 'privacyRequestsChanged')).toEqual(['PENDING', 'IN_PROCESSING', 'COMPLETE']);
  expect(statusesOf(updated, request.id, 'privacyRequestUpdated')).toEqual(['PENDING', 'IN_PROCESSING', 'COMPLETE']);
  expect(final.data!.privacyRequestUpdated.deliveries).toEqual([{ outcome: 'DELIVERED' }, { outcome: 'DELIVERED' }]);
}, 60000);

it('a paused request streams PAUSED, then after a REST resume on to COMPLETE, ending with the final state', async () => {
  calls = [];
  gate = Promise.resolve();
  worker ??= startWorkerProcess();
  const request = await createRequest(t, 'live', { email: 'halt-1@example.com' });
  const updated = subscribe(await socket(), UPDATED, { id: request.id });
  await updated.until(hasStatus('privacyRequestUpdated', request.id, 'PAUSED'), 'PAUSED');
  const token = String(calls.find((c) => c.path === '/approve')!.headers['reply-to-token']);
  const res = await fetch(`${api.url}/privacy-request/${request.id}/resume`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(res.status).toBe(200);
  await updated.until(hasStatus('privacyRequestUpdated', request.id, 'COMPLETE'), 'COMPLETE');
  const seen = statusesOf(updated, request.id, 'privacyRequestUpdated');
  const order = ['PENDING', 'IN_PROCESSING', 'PAUSED', 'PENDING', 'IN_PROCESSING', 'COMPLETE'];
  // Intermediate states may fold into later ones; what arrives keeps this order and ends COMPLETE.
  let at = 0;
  for (const status of seen) {
    at = order.indexOf(status, at);
    expect(at).toBeGreaterThanOrEqual(0);
  }
  expect(seen).toContain('PAUSED');
  expect(seen[seen.length - 1]).toBe('COMPLETE');
}, 60000);

const terminateListener =
  "select pg_terminate_backend(pid, 5000) from pg_stat_activity where application_name = 'dsr-hooks listen' and datname = current_database()";

it('the LISTEN connection comes back after the database drops it, and a change made meanwhile still arrives', async () => {
  closeGate();
  calls = [];
  worker ??= startWorkerProcess();
  const request = await createRequest(t, 'live', { email: 'ok-2@example.com' });
  const changes = subscribe(await socket(), CHANGED);
  await registered(changes);
  const updated = subscribe(await socket(), UPDATED, { id: request.id });
  await updated.until(hasStatus('privacyRequestUpdated', request.id, 'IN_PROCESSING'), 'IN_PROCESSING');

  // One transaction drops the listener's connection and then commits a change: its notice finds nobody listening.
  await t.sql(
    `with dropped as (${terminateListener})
    update privacy_request set status = 'CANCELED', finished_at = now(), updated_at = now()
    where id = ? and (select count(*) from dropped) > 0 returning ${notifyRequestChanged('status')}`,
    [request.id],
  );
  await changes.until(hasStatus('privacyRequestsChanged', request.id, 'CANCELED'), 'the change made while disconnected');
  await updated.until(hasStatus('privacyRequestUpdated', request.id, 'CANCELED'), 'the change made while disconnected');
  openGate();

  // And it listens again: the next request's states arrive as they happen.
  const next = await createRequest(t, 'live', { email: 'ok-3@example.com' });
  await changes.until(hasStatus('privacyRequestsChanged', next.id, 'COMPLETE'), 'a later request to complete');
  const [listening] = await t.sql(
    `select count(*)::int as n from pg_stat_activity where application_name = 'dsr-hooks listen' and datname = current_database()`,
  );
  expect(listening.n).toBe(1);
}, 60000);
