import { createConnection, SET_SECRETS } from './support/config-fixtures';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

/** HttpsSecretsInput.headers and .oauth2: what is accepted, what is refused (BAD_USER_INPUT, nothing changed). */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createConnection(t, 'web');
  dataOf(
    await t.gql(SET_SECRETS, { key: 'web', secrets: { https: { url: 'https://hooks.example.com/', authorization: 'Token before' } } }),
  );
});
afterAll(() => t.close());

const URL = 'https://hooks.example.com/dsr';
const OAUTH2 = { tokenUrl: 'https://auth.example.com/token', clientId: 'cid', clientSecret: 'csecret', scope: 'a b' };
const stored = async () => (await t.sql(`select secrets, updated_at from connection_config where key = 'web'`))[0];

it('accepts extra headers, oauth2 instead of authorization, and no authorization at all', async () => {
  for (const https of [
    {
      url: URL,
      authorization: 'Token t',
      headers: [
        { name: 'X-Api-Key', value: 'k1' },
        { name: 'X-Tenant', value: 'acme\t7' },
      ],
    },
    { url: URL, oauth2: OAUTH2, headers: [{ name: "x!#$%&'*+.^_`|~-1", value: '' }] },
    { url: URL },
  ]) {
    expect(dataOf(await t.gql(SET_SECRETS, { key: 'web', secrets: { https } })).setConnectionSecrets).toEqual({
      key: 'web',
      hasSecrets: true,
    });
  }
});

it.each([
  'Host',
  'Content-Length',
  'content-type',
  'Transfer-Encoding',
  'CONNECTION',
  'webhook-id',
  'Webhook-Signature',
  'webhook-anything',
  'Authorization',
  'reply-to',
  'Reply-To-Token',
])('refuses the header name %s, which the server sets', async (name) => {
  const before = await stored();
  const res = await t.gql(SET_SECRETS, { key: 'web', secrets: { https: { url: URL, headers: [{ name, value: 'v' }] } } });
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toContain(`"${name}" is set by the server`);
  expect(await stored()).toEqual(before);
});

it.each<[string, object]>([
  ['a name that is not an HTTP token', { headers: [{ name: 'X Space', value: 'v' }] }],
  ['an empty name', { headers: [{ name: '', value: 'v' }] }],
  ['a name with a colon', { headers: [{ name: 'X-A:', value: 'v' }] }],
  ['a value with a newline', { headers: [{ name: 'X-A', value: 'v\r\nX-Injected: 1' }] }],
  ['a value with a NUL-free control character', { headers: [{ name: 'X-A', value: 'v\u0007' }] }],
  ['a value with DEL', { headers: [{ name: 'X-A', value: 'v\u007f' }] }],
  ['a value above U+00FF', { headers: [{ name: 'X-A', value: 'snow ☃' }] }],
  [
    'the same name twice, in any case',
    {
      headers: [
        { name: 'X-A', value: '1' },
        { name: 'x-a', value: '2' },
      ],
    },
  ],
  ['more than 20 headers', { headers: [...Array(21)].map((_, i) => ({ name: `X-${i}`, value: 'v' })) }],
  ['an authorization with a control character', { authorization: 'Token a\u0001b' }],
  ['authorization and oauth2 together', { authorization: 'Token t', oauth2: OAUTH2 }],
  ['an oauth2 tokenUrl that is not http(s)', { oauth2: { ...OAUTH2, tokenUrl: 'ftp://auth.example.com/' } }],
  ['an oauth2 tokenUrl with credentials', { oauth2: { ...OAUTH2, tokenUrl: 'https://u:p@auth.example.com/' } }],
  ['an empty clientSecret', { oauth2: { ...OAUTH2, clientSecret: '' } }],
  ['a scope with a newline', { oauth2: { ...OAUTH2, scope: 'a\nb' } }],
])('refuses %s, changing nothing', async (_label, extra) => {
  const before = await stored();
  const res = await t.gql(SET_SECRETS, { key: 'web', secrets: { https: { url: URL, ...extra } } });
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(await stored()).toEqual(before);
});
