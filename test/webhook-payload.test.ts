import { SET_SECRETS } from './support/config-fixtures';
import { createRequests, getRequest, setUpPolicy, waitForStatus } from './support/privacy-requests';
import { startReceiver, type Receiver } from './support/receiver';
import { startKeyedReceiver, type KeyedReceiver } from './support/request-receiver';
import { dataOf, startTestServer, type TestServer } from './support/server';

/** The wire body's fields on every phase and direction, the delivery log's excerpts, extra headers and OAuth2 in a run. */
let t: TestServer;
let r: KeyedReceiver;

beforeAll(async () => {
  [r, t] = await Promise.all([startKeyedReceiver(), startTestServer({ webhookMaxAttempts: 3, workerConcurrency: 2 })]);
});
beforeEach(() => r.reset());
afterAll(async () => {
  await t.close();
  await r.close();
});

const callsOf = (id: string) => r.callsOf(id);

it("every phase and direction gets privacy_request_status, external_id and the attempt's timestamp beside the earlier fields", async () => {
  await setUpPolicy(
    t,
    'body',
    [
      { key: 'pre_one', direction: 'ONE_WAY', url: r.url },
      { key: 'pre_two', direction: 'TWO_WAY', url: r.url },
    ],
    [
      { key: 'post_one', direction: 'ONE_WAY', url: r.url },
      { key: 'post_two', direction: 'TWO_WAY', url: r.url },
    ],
  );
  const [request] = await createRequests(t, [{ policyKey: 'body', identity: { email: 'a@example.com' }, externalId: 'ext-42' }]);
  const done = await waitForStatus(t, request.id, 'COMPLETE');
  const calls = callsOf(request.id);
  expect(calls.map((c) => [c.body.callback_type, c.body.direction])).toEqual([
    ['pre', 'one_way'],
    ['pre', 'two_way'],
    ['post', 'one_way'],
    ['post', 'two_way'],
  ]);
  for (const call of calls) {
    expect(Object.keys(call.body).sort()).toEqual([
      'callback_type',
      'direction',
      'external_id',
      'identity',
      'policy_key',
      'privacy_request_id',
      'privacy_request_status',
      'timestamp',
      'webhook_key',
    ]);
    expect(call.body).toMatchObject({
      privacy_request_status: 'in_processing',
      external_id: 'ext-42',
      policy_key: 'body',
      identity: { email: 'a@example.com' },
    });
    expect(new Date(call.body.timestamp).toISOString()).toBe(call.body.timestamp);
    expect(Date.parse(call.body.timestamp)).toBeGreaterThanOrEqual(Date.parse(done.createdAt));
    expect(Date.parse(call.body.timestamp)).toBeLessThanOrEqual(Date.parse(done.finishedAt));
  }
  const [withoutExternal] = await createRequests(t, [{ policyKey: 'body', identity: { email: 'b@example.com' } }]);
  await waitForStatus(t, withoutExternal.id, 'COMPLETE');
  expect(callsOf(withoutExternal.id).map((c) => c.body.external_id)).toEqual([null, null, null, null]);
});

it('webhook-id stays the same on every retry of one call, and differs between calls', async () => {
  await setUpPolicy(t, 'ids', [
    { key: 'retried', direction: 'ONE_WAY', url: r.url },
    { key: 'other', direction: 'ONE_WAY', url: r.url },
  ]);
  let n = 0;
  r.answers.retried = () => (++n < 3 ? { destroy: true } : {});
  const [request] = await createRequests(t, [{ policyKey: 'ids', identity: { email: 'a@example.com' } }]);
  await waitForStatus(t, request.id, 'COMPLETE');
  const calls = callsOf(request.id);
  expect(calls.map((c) => c.path)).toEqual(['/retried', '/retried', '/retried', '/other']);
  expect(new Set(calls.slice(0, 3).map((c) => c.headers['webhook-id'])).size).toBe(1);
  expect(calls[3].headers['webhook-id']).not.toBe(calls[0].headers['webhook-id']);
  expect(new Set(calls.slice(0, 3).map((c) => c.body.timestamp)).size).toBe(3);
});

it('a delivery records the first 2 KB of a text answer, secrets redacted, and its content type', async () => {
  await setUpPolicy(t, 'log', [{ key: 'echo', direction: 'TWO_WAY', url: r.url, authorization: 'Bearer echo-secret-token' }]);
  r.answers.echo = (call) => ({ status: 422, body: `no customer for ${call.headers.authorization} ${'x'.repeat(5000)}` });
  const [request] = await createRequests(t, [{ policyKey: 'log', identity: { email: 'a@example.com' } }]);
  await waitForStatus(t, request.id, 'ERROR');
  const { deliveries } = await getRequest(t, request.id, 'deliveries { outcome responseStatus responseExcerpt responseContentType }');
  expect(deliveries).toHaveLength(1);
  const [d] = deliveries;
  expect(d).toMatchObject({ outcome: 'FAILED', responseStatus: 422, responseContentType: 'application/json' });
  expect(d.responseExcerpt.startsWith('no customer for [redacted] xxx')).toBe(true);
  expect(Buffer.byteLength(d.responseExcerpt)).toBe(2048);
  expect(JSON.stringify(deliveries)).not.toContain('echo-secret-token');
});

it("the connection's extra headers arrive exactly, on every call", async () => {
  await setUpPolicy(t, 'hdr', [{ key: 'h', direction: 'ONE_WAY', url: r.url }]);
  const headers = [
    { name: 'X-Api-Key', value: 'k-123 "quoted"\tand tabbed' },
    { name: 'x-tenant', value: 'acme' },
  ];
  dataOf(await t.gql(SET_SECRETS, { key: 'hdr-h', secrets: { https: { url: `${r.url}/h`, authorization: 'Token t', headers } } }));
  const [request] = await createRequests(t, [{ policyKey: 'hdr', identity: { email: 'a@example.com' } }]);
  await waitForStatus(t, request.id, 'COMPLETE');
  const [call] = callsOf(request.id);
  expect(call.headers).toMatchObject({ 'x-api-key': 'k-123 "quoted"\tand tabbed', 'x-tenant': 'acme', authorization: 'Token t' });
});

describe('OAuth2 in a run', () => {
  let tokenEndpoint: Receiver;
  let issued = 0;
  beforeAll(async () => {
    tokenEndpoint = await startReceiver(() => ({
      body: { access_token: `run-token-${++issued}`, token_type: 'bearer', expires_in: 3600 },
    }));
  });
  afterAll(() => tokenEndpoint.close());

  it('calls carry the bearer token, fetched once for many requests', async () => {
    await setUpPolicy(t, 'oauth', [{ key: 'o', direction: 'ONE_WAY', url: r.url }], [{ key: 'p', direction: 'ONE_WAY', url: r.url }]);
    const oauth2 = { tokenUrl: `${tokenEndpoint.url}/oauth/token`, clientId: 'cid', clientSecret: 'csecret' };
    for (const key of ['oauth-o', 'oauth-p']) {
      dataOf(await t.gql(SET_SECRETS, { key, secrets: { https: { url: `${r.url}/${key.slice(6)}`, oauth2 } } }));
    }
    const requests = await createRequests(
      t,
      [...Array(4)].map((_, i) => ({ policyKey: 'oauth', identity: { email: `c${i}@example.com` } })),
    );
    for (const request of requests) await waitForStatus(t, request.id, 'COMPLETE');
    const calls = requests.flatMap((request) => callsOf(request.id));
    expect(calls).toHaveLength(8);
    expect(calls.every((c) => /^Bearer run-token-\d$/.test(String(c.headers.authorization)))).toBe(true);
    // One token per connection: two connections, however many requests.
    expect(tokenEndpoint.requests).toHaveLength(2);
  });
});
