import { SecretBox } from '../src/domain/crypto';
import { dispatcherOptionsFromConfig } from '../src/execution/dispatcher-options';
import type { ExecutionConnector } from '../src/execution/execution-step';
import { startWorker, type WorkerRuntime } from '../src/execution/worker';
import { createLogger } from '../src/logger';
import { createRequest, setUpPolicy, waitForStatus } from './support/privacy-requests';
import { startRequestReceiver, type RequestReceiver } from './support/request-receiver';
import { dataOf, startTestServer, TEST_ENCRYPTION_KEY, testConfig, type TestServer } from './support/server';

/** The EXECUTION step's connector hook, with a connector plugged into a worker started here. */
let t: TestServer;
let r: RequestReceiver;
let worker: WorkerRuntime;
const ran: { requestId: string; identity: unknown }[] = [];
let failNext = false;

const connector: ExecutionConnector = {
  name: 'test-datastore',
  async run(request) {
    ran.push({ requestId: request.requestId, identity: request.identity });
    if (failNext) {
      failNext = false;
      throw new Error('datastore unavailable');
    }
  },
};

beforeAll(async () => {
  r = await startRequestReceiver((call) => ({
    body: call.path === '/lookup' ? { halt: false, derived_identity: { phone_number: '555-0142' } } : {},
  }));
  t = await startTestServer(); // API only; the worker below has the connector
  worker = await startWorker({
    databaseUrl: t.server.orm.config.get('clientUrl'),
    em: t.server.orm.em,
    box: new SecretBox(TEST_ENCRYPTION_KEY),
    logger: createLogger('silent'),
    concurrency: 2,
    replyTokenTtlSeconds: 3600,
    dispatcher: dispatcherOptionsFromConfig(testConfig()),
    connectors: [connector],
    onLivenessLost: (err) => {
      throw err;
    },
  });
  await setUpPolicy(
    t,
    'with_data',
    [{ key: 'lookup', direction: 'TWO_WAY', url: r.url }],
    [{ key: 'after', direction: 'ONE_WAY', url: r.url }],
  );
});
afterAll(async () => {
  await worker.stop();
  await t.close();
  await r.close();
});

const keysCalled = (id: string) => r.calls.filter((c) => c.body?.privacy_request_id === id).map((c) => c.path.slice(1));

it('runs the connectors between the pre- and post-execution webhooks, with the derived identity', async () => {
  const request = await createRequest(t, 'with_data', { email: 'data@example.com' });
  await waitForStatus(t, request.id, 'COMPLETE');
  expect(ran.filter((x) => x.requestId === request.id)).toEqual([
    { requestId: request.id, identity: { email: 'data@example.com', phone_number: '555-0142' } },
  ]);
  expect(keysCalled(request.id)).toEqual(['lookup', 'after']);
});

it('a connector that fails fails the request at EXECUTION; a retry runs the step again, not the pre-webhooks', async () => {
  failNext = true;
  const request = await createRequest(t, 'with_data');
  const failed = await waitForStatus(t, request.id, 'ERROR');
  expect(failed).toMatchObject({ failedStep: 'EXECUTION', failedWebhook: null, failureReason: 'execution failed: datastore unavailable' });
  expect(keysCalled(request.id)).toEqual(['lookup']);

  dataOf(await t.gql('mutation($id: ID!) { retryPrivacyRequest(id: $id) { id } }', { id: request.id }));
  await waitForStatus(t, request.id, 'COMPLETE');
  expect(ran.filter((x) => x.requestId === request.id)).toHaveLength(2);
  expect(keysCalled(request.id)).toEqual(['lookup', 'after']);
});
