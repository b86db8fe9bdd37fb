import 'reflect-metadata';
import type { DestinationStream } from 'pino';
import type { Config } from '../src/config';
import { createLogger } from '../src/logger';
import { startServer, type RunningServer } from '../src/server';
import { createTestDatabase } from './support/database';
import { clientFor, createRequest, createRequests, getRequest, setUpPolicy, waitForStatus } from './support/privacy-requests';
import { startRequestReceiver, type RequestReceiver } from './support/request-receiver';
import { dataOf, errorCode, testConfig, type TestServer } from './support/server';

/**
 * Servers that come and go over one database: the paused-request expiry and queued jobs live in
 * PostgreSQL, so they survive a restart.
 */
let db: { url: string; drop(): Promise<void> };
let r: RequestReceiver;
const running: RunningServer[] = [];

async function serve(overrides: Partial<Config>, logDestination?: DestinationStream): Promise<TestServer> {
  const config = testConfig({ databaseUrl: db.url, ...overrides });
  const server = await startServer(config, createLogger(logDestination ? 'info' : 'silent', logDestination));
  running.push(server);
  const client = clientFor(server, config);
  return {
    ...client,
    close: async () => {
      running.splice(running.indexOf(server), 1);
      await server.close();
    },
  };
}

beforeAll(async () => {
  r = await startRequestReceiver((call) => ({ body: { halt: call.path === '/ask' } }));
  db = await createTestDatabase();
  const setup = await serve({ workerConcurrency: 0 });
  await setUpPolicy(setup, 'review', [
    { key: 'ask', direction: 'TWO_WAY', url: r.url },
    { key: 'later', direction: 'ONE_WAY', url: r.url },
  ]);
  await setup.close();
});
afterAll(async () => {
  for (const server of [...running]) await server.close();
  await db.drop();
  await r.close();
});

const keysCalled = (id: string) => r.calls.filter((c) => c.body?.privacy_request_id === id).map((c) => c.path.slice(1));

it('fails a request still paused when its reply-to token expires; the token is refused after that', async () => {
  const t = await serve({ replyTokenTtlSeconds: 1, workerConcurrency: 4 });
  const request = await createRequest(t, 'review');
  await waitForStatus(t, request.id, 'PAUSED');
  const token = String(r.calls.find((c) => c.body?.privacy_request_id === request.id)!.headers['reply-to-token']);
  const failed = await waitForStatus(t, request.id, 'ERROR', 15000);
  expect(failed).toMatchObject({ failureReason: 'paused request expired', failedStep: 'PRE_WEBHOOKS', failedWebhook: { key: 'ask' } });
  expect(failed.finishedAt).not.toBeNull();

  const res = await fetch(`${t.url}/privacy-request/${request.id}/resume`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: '{}',
  });
  expect(res.status).toBe(403);
  expect((await res.json()).error).toContain('expired');
  expect(errorCode(await t.gql('mutation($token: String!) { resumePrivacyRequest(token: $token) { id } }', { token }))).toBe('FORBIDDEN');

  dataOf(await t.gql('mutation($id: ID!) { retryPrivacyRequest(id: $id) { id } }', { id: request.id }));
  await waitForStatus(t, request.id, 'PAUSED');
  expect(keysCalled(request.id)).toEqual(['ask', 'ask']);
  await t.close();
});

it('expires a paused request across a restart: the expiry is a job in the database', async () => {
  const first = await serve({ replyTokenTtlSeconds: 2, workerConcurrency: 4 });
  const request = await createRequest(first, 'review');
  await waitForStatus(first, request.id, 'PAUSED');
  await first.close();

  const second = await serve({ replyTokenTtlSeconds: 2, workerConcurrency: 4 });
  const failed = await waitForStatus(second, request.id, 'ERROR', 20000);
  expect(failed.failureReason).toBe('paused request expired');
  await second.close();
});

it('queues exactly one job per created request, and a canceled PENDING request is never run', async () => {
  const api = await serve({ workerConcurrency: 0 });
  const requests = await createRequests(
    api,
    Array.from({ length: 3 }, (_, i) => ({ policyKey: 'review', identity: { email: `q${i}@example.com` } })),
  );
  const [jobs] = await api.sql(
    `select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id
     where k.identifier = 'run_privacy_request' and j.payload->>'requestId' = any(?::text[])`,
    [`{${requests.map((q) => q.id).join(',')}}`],
  );
  expect(jobs.n).toBe(3);
  expect(requests.map((q) => q.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);

  const canceled = dataOf(
    await api.gql('mutation($id: ID!) { cancelPrivacyRequest(id: $id, reason: "changed mind") { status cancelReason } }', {
      id: requests[0].id,
    }),
  );
  expect(canceled.cancelPrivacyRequest).toEqual({ status: 'CANCELED', cancelReason: 'changed mind' });

  const worker = await serve({ workerConcurrency: 2 });
  await waitForStatus(worker, requests[1].id, 'PAUSED');
  await waitForStatus(worker, requests[2].id, 'PAUSED');
  await new Promise((res) => setTimeout(res, 300));
  expect((await getRequest(worker, requests[0].id)).status).toBe('CANCELED');
  expect(keysCalled(requests[0].id)).toEqual([]);
  await worker.close();
  await api.close();
});

it('a webhook on a private address is refused when private networks are not allowed; the API says so without the host or address, the log names them', async () => {
  const log: Record<string, unknown>[] = [];
  const t = await serve(
    { webhookAllowPrivateNetworks: false, workerConcurrency: 2, nodeEnv: 'production', production: true },
    { write: (line: string) => void log.push(JSON.parse(line) as Record<string, unknown>) },
  );
  await setUpPolicy(t, 'guarded', [{ key: 'internal', direction: 'ONE_WAY', url: `http://localhost:${new URL(r.url).port}` }]);
  const request = await createRequest(t, 'guarded');
  const failed = await waitForStatus(t, request.id, 'ERROR');
  expect(failed.failedWebhook).toEqual({ key: 'internal' });
  expect(failed.failureReason).toMatch(/^webhook 'internal' could not be reached: refused: the address is not allowed/);
  expect(keysCalled(request.id)).toEqual([]);
  const { deliveries } = await getRequest(t, request.id, 'deliveries { outcome responseStatus error }');
  expect(deliveries).toEqual([
    { outcome: 'FAILED', responseStatus: null, error: expect.stringMatching(/^refused: the address is not allowed/) },
  ]);
  for (const said of [failed.failureReason, deliveries[0].error]) expect(said).not.toMatch(/localhost|127\.0\.0\.1|::1|loopback/);
  const refused = log.filter((line) => line.msg === 'webhook call refused: internal address');
  expect(refused).toEqual([
    expect.objectContaining({ host: 'localhost', address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/), kind: 'loopback' }),
  ]);
  expect(JSON.stringify(refused)).not.toContain('secret-internal');
  await t.close();
});
