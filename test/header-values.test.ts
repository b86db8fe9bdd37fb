import { headerValueProblem } from '../src/domain/http-header';
import { Dispatcher } from '../src/execution/dispatcher';
import { startReceiver, type Receiver } from './support/receiver';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

describe('headerValueProblem', () => {
  it.each(['Bearer abc', 'Basic YTpi', 'Token a\tb  c', 'caf\u00e9', ''])('accepts %j', (value) => {
    expect(headerValueProblem('x', value)).toBeNull();
  });

  it.each([
    ['a NUL', 'Bearer a\u0000b', 'a control character (U+0000) at position 9'],
    ['a line break', 'Bearer a\r\nx-injected: 1', 'a control character (U+000D) at position 9'],
    ['a bell', '\u0007', 'a control character (U+0007) at position 1'],
    ['DEL', 'a\u007f', 'a control character (U+007F)'],
    ['a C1 control', 'a\u0085', 'a control character (U+0085)'],
    ['a character beyond Latin-1', 'Bearer \u20ac', 'a character beyond U+00FF (U+20AC)'],
  ])('refuses %s, naming the field and position but not the value', (_name, value, words) => {
    const problem = headerValueProblem('https.authorization', value)!;
    expect(problem).toContain('https.authorization cannot be sent as an HTTP header value');
    expect(problem).toContain(words);
    expect(problem).not.toContain('Bearer');
  });
});

describe('setConnectionSecrets with an authorization that cannot be sent', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    dataOf(
      await t.gql(
        'mutation { upsertConnectionConfigs(input: [{ key: "web", name: "Web", connectionType: HTTPS, access: READ }]) { key } }',
      ),
    );
  });
  afterAll(() => t.close());

  const SET = 'mutation($secrets: ConnectionSecretsInput!) { setConnectionSecrets(key: "web", secrets: $secrets) { key hasSecrets } }';
  const https = (authorization: string) => ({ https: { url: 'https://hooks.example.com/dsr', authorization } });

  it.each(['Bearer a\u0001b', 'Bearer a\u007fb', 'Bearer \u2028', 'Bearer a\nb'])(
    'answers BAD_USER_INPUT for %j and changes nothing',
    async (authorization) => {
      dataOf(await t.gql(SET, { secrets: https('Bearer before') }));
      const before = await t.sql('select * from connection_config where key = ?', ['web']);
      const res = await t.gql(SET, { secrets: https(authorization) });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain('https.authorization cannot be sent as an HTTP header value');
      expect(res.data).toBeNull();
      expect(await t.sql('select * from connection_config where key = ?', ['web'])).toEqual(before);
    },
  );

  it('still accepts tabs, spaces and Latin-1 text', async () => {
    expect(dataOf(await t.gql(SET, { secrets: https('Token a\t b caf\u00e9') })).setConnectionSecrets.hasSecrets).toBe(true);
  });
});

describe('the dispatcher with a header value that cannot be sent', () => {
  let receiver: Receiver;
  let dispatcher: Dispatcher;
  beforeAll(async () => {
    receiver = await startReceiver();
    dispatcher = new Dispatcher({
      timeoutMs: 5000,
      maxAttempts: 3,
      maxResponseBytes: 1024,
      allowPrivateNetworks: true,
      backoffBaseMs: 1,
      backoffMaxMs: 5,
    });
  });
  afterAll(async () => {
    await dispatcher.close();
    await receiver.close();
  });

  it.each([
    ['a stored authorization', { authorization: 'Bearer a\u0001b' }, {}, 'the authorization header'],
    ['an extra header', { authorization: 'Bearer ok' }, { 'x-tenant': 'a\u0000' }, 'the x-tenant header'],
  ])('fails %s once, without sending anything and without retrying', async (_name, secrets, headers, what) => {
    receiver.reset();
    const result = await dispatcher.deliver({
      target: { url: `${receiver.url}/hook`, ...secrets },
      body: { a: 1 },
      headers,
      deliveryId: 'msg_1',
    });
    expect(result.ok).toBe(false);
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]).toMatchObject({ outcome: 'FAILED', willRetry: false, responseStatus: null });
    expect(result.error).toContain(`${what} cannot be sent as an HTTP header value`);
    expect(result.error).not.toContain('network error');
    expect(receiver.requests).toHaveLength(0);
  });
});
