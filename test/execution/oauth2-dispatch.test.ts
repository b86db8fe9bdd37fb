import { Dispatcher, type DeliveryRequest, type DispatcherOptions } from '../../src/execution/dispatcher';
import { OAuth2TokenCache } from '../../src/execution/oauth2-tokens';
import { startReceiver, type Receiver } from '../support/receiver';

/** OAuth2 client credentials through the dispatcher, against a token endpoint of the test's own. */
let receiver: Receiver;
let tokenEndpoint: Receiver;
let issued: number;
let now: number;
const dispatchers: Dispatcher[] = [];

function dispatcher(overrides: Partial<DispatcherOptions> = {}, tokens = new OAuth2TokenCache(() => now)): Dispatcher {
  const created = new Dispatcher(
    {
      timeoutMs: 5000,
      maxAttempts: 2,
      maxResponseBytes: 1024 * 1024,
      allowPrivateNetworks: true,
      backoffBaseMs: 5,
      backoffMaxMs: 20,
      ...overrides,
    },
    tokens,
  );
  dispatchers.push(created);
  return created;
}

const OAUTH2 = () => ({
  tokenUrl: `${tokenEndpoint.url}/token`,
  clientId: 'client-1',
  clientSecret: 'client-secret-1',
  scope: 'hooks:write',
});
const request = (connectionId = 'conn-1'): DeliveryRequest => ({
  target: { url: `${receiver.url}/hook`, oauth2: OAUTH2() },
  connectionId,
  body: { privacy_request_id: 'pri_1' },
  deliveryId: 'msg_1',
});

beforeEach(async () => {
  issued = 0;
  now = 1_000_000;
  tokenEndpoint = await startReceiver(() => ({
    status: 200,
    body: { access_token: `token-${++issued}`, token_type: 'Bearer', expires_in: 3600 },
  }));
  receiver = await startReceiver();
});
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.close()));
  await receiver.close();
  await tokenEndpoint.close();
});

test('the token request is the client credentials grant with HTTP Basic client authentication', async () => {
  await dispatcher().deliver(request());
  const [asked] = tokenEndpoint.requests;
  expect(asked.method).toBe('POST');
  expect(asked.path).toBe('/token');
  expect(asked.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(asked.headers.authorization).toBe(`Basic ${Buffer.from('client-1:client-secret-1').toString('base64')}`);
  expect(Object.fromEntries(new URLSearchParams(asked.text))).toEqual({ grant_type: 'client_credentials', scope: 'hooks:write' });
  expect(receiver.requests[0].headers.authorization).toBe('Bearer token-1');
});

test('one token is fetched for many calls, also concurrent ones, and shared by the dispatchers of a process', async () => {
  const tokens = new OAuth2TokenCache(() => now);
  const first = dispatcher({}, tokens);
  const second = dispatcher({}, tokens);
  const results = await Promise.all([...Array(10)].map((_, i) => (i % 2 ? first : second).deliver(request())));
  expect(results.every((r) => r.ok)).toBe(true);
  await first.deliver(request());
  expect(tokenEndpoint.requests).toHaveLength(1);
  expect(new Set(receiver.requests.map((r) => r.headers.authorization))).toEqual(new Set(['Bearer token-1']));
});

test('tokens are kept per connection', async () => {
  const d = dispatcher();
  await d.deliver(request('conn-1'));
  await d.deliver(request('conn-2'));
  await d.deliver(request('conn-1'));
  expect(tokenEndpoint.requests).toHaveLength(2);
});

test('a token is refetched shortly before it expires, not after', async () => {
  const d = dispatcher();
  await d.deliver(request());
  now += 3600_000 - 31_000; // 31 s before expiry: still good
  await d.deliver(request());
  expect(tokenEndpoint.requests).toHaveLength(1);
  now += 2_000; // 29 s before expiry: refetched
  await d.deliver(request());
  expect(tokenEndpoint.requests).toHaveLength(2);
  expect(receiver.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
});

test('a 401 from the receiver gets one new token and one more call, which then counts', async () => {
  receiver.handle((req) => (req.headers.authorization === 'Bearer token-1' ? { status: 401 } : { status: 200 }));
  const result = await dispatcher().deliver(request());
  expect(result.ok).toBe(true);
  expect(result.attempts).toHaveLength(1);
  expect(tokenEndpoint.requests).toHaveLength(2);
  expect(receiver.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
});

test('a receiver that keeps answering 401 gets the token refetched once only, and the delivery fails', async () => {
  receiver.handle(() => ({ status: 401 }));
  const result = await dispatcher().deliver(request());
  expect(result).toMatchObject({ ok: false, status: 401, error: 'answered 401' });
  expect(tokenEndpoint.requests).toHaveLength(2);
  expect(receiver.requests).toHaveLength(2);
});

test.each<[string, () => void, RegExp]>([
  [
    'answers 401',
    () => tokenEndpoint.handle(() => ({ status: 401, body: { error: 'invalid_client', error_description: 'client-secret-1 is wrong' } })),
    /^OAuth2 token endpoint: answered 401 \(invalid_client\)$/,
  ],
  [
    'answers without a JSON object',
    () => tokenEndpoint.handle(() => ({ status: 200, body: 'client-secret-1' })),
    /^OAuth2 token endpoint answered 200 without a JSON object$/,
  ],
  [
    'answers without an access_token',
    () => tokenEndpoint.handle(() => ({ status: 200, body: { token: 'x' } })),
    /^OAuth2 token endpoint answered 200 without a usable access_token$/,
  ],
  [
    'answers another token type',
    () => tokenEndpoint.handle(() => ({ status: 200, body: { access_token: 'x', token_type: 'mac' } })),
    /token_type other than Bearer/,
  ],
])('a token endpoint that %s fails the delivery with a clear reason, without calling the receiver', async (_label, arrange, reason) => {
  arrange();
  const result = await dispatcher().deliver(request());
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(reason);
  expect(result.error).not.toContain('client-secret-1');
  expect(receiver.requests).toHaveLength(0);
});

test('a token endpoint that is down is retried like a receiver, and says so', async () => {
  await tokenEndpoint.close();
  const result = await dispatcher().deliver(request());
  expect(result.error).toBe('OAuth2 token endpoint: network error: connection refused (ECONNREFUSED) (after 2 attempts)');
  expect(receiver.requests).toHaveLength(0);
  tokenEndpoint = await startReceiver();
});

test('a token endpoint failure is not kept: the next call asks again', async () => {
  tokenEndpoint.handle(() => ({ status: 503 }));
  const d = dispatcher({ maxAttempts: 1 });
  expect((await d.deliver(request())).ok).toBe(false);
  tokenEndpoint.handle(() => ({ status: 200, body: { access_token: 'late-token', expires_in: 60 } }));
  expect((await d.deliver(request())).ok).toBe(true);
  expect(receiver.requests[0].headers.authorization).toBe('Bearer late-token');
});

test('the tokenUrl goes through the address guard', async () => {
  const result = await dispatcher({ allowPrivateNetworks: false }).deliver({
    ...request(),
    target: { url: 'https://hooks.example.com/', oauth2: OAUTH2() },
  });
  expect(result.error).toMatch(/^OAuth2 token endpoint: refused: the address is not allowed/);
  expect(tokenEndpoint.requests).toHaveLength(0);
});
