import { Webhook } from 'standardwebhooks';
import { createConnection, SET_SECRETS } from './support/config-fixtures';
import { startReceiver, type Receiver } from './support/receiver';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

/** testConnectionConfig: one signed POST now, through the dispatcher; what came back; nothing stored. */
const TEST_CALL = 'mutation($key: String!) { testConnectionConfig(key: $key) { ok responseStatus durationMs error } }';
const SIGNING = `whsec_${Buffer.from('a-signing-key-of-32-bytes-length').toString('base64')}`;

let t: TestServer;
let receiver: Receiver;
beforeAll(async () => {
  [t, receiver] = await Promise.all([startTestServer({ webhookTimeoutMs: 500 }), startReceiver()]);
  await createConnection(t, 'web');
  dataOf(
    await t.gql(SET_SECRETS, {
      key: 'web',
      secrets: {
        https: {
          url: `${receiver.url}/hook`,
          authorization: 'Token abc',
          signingSecret: SIGNING,
          headers: [{ name: 'X-Tenant', value: 'acme 7' }],
        },
      },
    }),
  );
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});
beforeEach(() => receiver.reset());

const testCall = async (key = 'web') => dataOf(await t.gql(TEST_CALL, { key })).testConnectionConfig;

describe('testConnectionConfig', () => {
  it("POSTs a signed test body with the connection's headers and answers ok for a 2xx", async () => {
    receiver.handle(() => ({ status: 204 }));
    const result = await testCall();
    expect(result).toEqual({ ok: true, responseStatus: 204, durationMs: expect.any(Number), error: null });
    const [sent] = receiver.requests;
    expect(sent.path).toBe('/hook');
    expect(sent.json()).toEqual({ type: 'test', connection_key: 'web', timestamp: expect.any(String) });
    expect(new Date(sent.json().timestamp).toISOString()).toBe(sent.json().timestamp);
    expect(sent.headers).toMatchObject({ authorization: 'Token abc', 'x-tenant': 'acme 7', 'content-type': 'application/json' });
    const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(sent.headers[h])]));
    expect(new Webhook(SIGNING).verify(sent.body, headers)).toEqual(sent.json());
  });

  it('makes one attempt, no retry, for a 500, and says what came back', async () => {
    receiver.handle(() => ({ status: 500 }));
    expect(await testCall()).toEqual({ ok: false, responseStatus: 500, durationMs: expect.any(Number), error: 'answered 500' });
    expect(receiver.requests).toHaveLength(1);
  });

  it('does not follow a redirect, and says so', async () => {
    receiver.handle(() => ({ status: 302, headers: { location: 'https://elsewhere.example.com/' } }));
    expect(await testCall()).toMatchObject({ ok: false, responseStatus: 302, error: 'answered 302; redirects are not followed' });
  });

  it('says "timed out after N ms" for a receiver slower than the timeout', async () => {
    receiver.handle(() => ({ status: 200, delayMs: 2000 }));
    expect(await testCall()).toMatchObject({ ok: false, responseStatus: null, error: 'timed out after 500 ms' });
    expect(receiver.requests).toHaveLength(1);
    receiver.handle(() => ({}));
  });

  it('says "connection refused" when nothing listens', async () => {
    const closed = await startReceiver();
    await closed.close();
    await createConnection(t, 'gone');
    dataOf(await t.gql(SET_SECRETS, { key: 'gone', secrets: { https: { url: `${closed.url}/hook` } } }));
    const result = await testCall('gone');
    expect(result).toMatchObject({ ok: false, responseStatus: null });
    expect(result.error).toContain('connection refused');
  });

  it('stores nothing', async () => {
    const before = await t.sql(
      'select (select count(*) from webhook_delivery) as deliveries, (select updated_at from connection_config where key = ?) as updated',
      ['web'],
    );
    await testCall();
    expect(
      await t.sql(
        'select (select count(*) from webhook_delivery) as deliveries, (select updated_at from connection_config where key = ?) as updated',
        ['web'],
      ),
    ).toEqual(before);
  });

  it('refuses a connection without secrets, a POSTGRES one and an unknown key, with the contract codes', async () => {
    await createConnection(t, 'bare');
    await createConnection(t, 'db', 'POSTGRES');
    const bare = await t.gql(TEST_CALL, { key: 'bare' });
    expect(errorCode(bare)).toBe('BAD_USER_INPUT');
    expect(bare.errors![0].message).toMatch(/has no secrets; set them with setConnectionSecrets/);
    expect(errorCode(await t.gql(TEST_CALL, { key: 'db' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(TEST_CALL, { key: 'nope' }))).toBe('NOT_FOUND');
  });

  it('needs connection:create_or_update', async () => {
    const reader = await t.token(['connection:read']);
    expect(errorCode(await t.gqlAs(reader, TEST_CALL, { key: 'web' }))).toBe('FORBIDDEN');
    expect(receiver.requests).toHaveLength(0);
    const writer = await t.token(['connection:create_or_update']);
    expect((await t.gqlAs(writer, TEST_CALL, { key: 'web' })).data.testConnectionConfig.ok).toBe(true);
  });
});

describe('testConnectionConfig with the address guard on', () => {
  let guarded: TestServer;
  beforeAll(async () => {
    guarded = await startTestServer({ webhookAllowPrivateNetworks: false });
    await createConnection(guarded, 'local');
    dataOf(await guarded.gql(SET_SECRETS, { key: 'local', secrets: { https: { url: `${receiver.url}/hook`, authorization: 'a' } } }));
  });
  afterAll(() => guarded.close());

  it('refuses a private address without calling it, without naming the address', async () => {
    const result = dataOf(await guarded.gql(TEST_CALL, { key: 'local' })).testConnectionConfig;
    expect(result).toMatchObject({ ok: false, responseStatus: null });
    expect(result.error).toMatch(/^refused: the address is not allowed/);
    expect(result.error).not.toContain('127.0.0.1');
    expect(receiver.requests).toHaveLength(0);
  });
});
