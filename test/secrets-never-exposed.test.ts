import { createConnection, createPolicy, givenWebhooks, SET_SECRETS } from './support/config-fixtures';
import { startReceiver, type Receiver } from './support/receiver';
import { dataOf, startTestServer, type TestServer } from './support/server';

/** Secret values must not appear in any GraphQL response, error message or log line. */
const AUTH = 'Bearer tok-NEVER-SHOW-4f1c9';
const URL_SECRET = 'https://hooks.example.com/path-NEVER-SHOW-77aa';
const SIGNING = `whsec_${Buffer.from('NEVER-SHOW-signing-secret-bytes!').toString('base64')}`;
const PG_PASSWORD = 'pg-NEVER-SHOW-pass';
const HEADER_VALUE = 'hdr-NEVER-SHOW-value';
const CLIENT_SECRET = 'oauth-NEVER-SHOW-client-secret';
const TOKEN = 'token-NEVER-SHOW-bearer';
const MARKER = 'NEVER-SHOW';

let t: TestServer;
/** Echoes every request's headers and body back: a receiver (or token endpoint) that repeats secrets. */
let echo: Receiver;
let tokenEndpoint: Receiver;
const logLines: string[] = [];
beforeAll(async () => {
  const echoing = (status: number) => (req: { headers: object; text: string }) => ({
    status,
    body: { you_sent: req.headers, body: req.text },
  });
  echo = await startReceiver(echoing(500));
  tokenEndpoint = await startReceiver(() => ({ body: { access_token: TOKEN, expires_in: 3600 } }));
  t = await startTestServer({ logLevel: 'trace' }, { write: (line: string) => logLines.push(line) });
  await createConnection(t, 'web');
  await createConnection(t, 'db', 'POSTGRES');
  await createPolicy(t, 'policy');
  await givenWebhooks(t, 'policy', 'PRE_EXECUTION', ['hook'], 'web');
});
afterAll(async () => {
  await t.close();
  await echo.close();
  await tokenEndpoint.close();
});

/** POSTs and returns the raw response text, so nothing is lost to parsing. */
async function rawGql(query: string, variables?: object): Promise<string> {
  const res = await t.gql(query, variables as Record<string, unknown>);
  return JSON.stringify(res);
}

const responses: string[] = [];
const call = async (query: string, variables?: object) => {
  const text = await rawGql(query, variables);
  responses.push(text);
  return text;
};

describe('secret values', () => {
  it('are accepted and then not readable through any query', async () => {
    dataOf(
      JSON.parse(
        await call(SET_SECRETS, { key: 'web', secrets: { https: { url: URL_SECRET, authorization: AUTH, signingSecret: SIGNING } } }),
      ),
    );
    dataOf(
      JSON.parse(
        await call(SET_SECRETS, { key: 'db', secrets: { postgres: { host: 'h', dbname: 'd', username: 'u', password: PG_PASSWORD } } }),
      ),
    );
    const ALL = 'id key name connectionType access disabled description hasSecrets createdAt updatedAt';
    await call(`{ connectionConfigs { edges { node { ${ALL} } } } }`);
    await call(`{ connectionConfig(key: "web") { ${ALL} } }`);
    await call(`{ policies { edges { node { preWebhooks { connectionConfig { ${ALL} } policy { key } } } } } }`);
    await call(`{ webhook(policyKey: "policy", phase: PRE_EXECUTION, key: "hook") { connectionConfig { ${ALL} } } }`);
    await call(`{ __type(name: "ConnectionConfig") { fields { name } } }`);
  });

  it('of extra headers and OAuth2 credentials are not returned by test calls, whatever the receiver and the token endpoint answer', async () => {
    const TEST_CALL = 'mutation { testConnectionConfig(key: "web") { ok responseStatus error } }';
    const headers = [{ name: 'X-Api-Key', value: HEADER_VALUE }];
    dataOf(
      JSON.parse(
        await call(SET_SECRETS, { key: 'web', secrets: { https: { url: `${echo.url}/${MARKER}`, headers, signingSecret: SIGNING } } }),
      ),
    );
    expect(JSON.parse(await call(TEST_CALL)).data.testConnectionConfig).toMatchObject({ ok: false, responseStatus: 500 });
    const oauth2 = { tokenUrl: `${tokenEndpoint.url}/${MARKER}`, clientId: `client-${MARKER}`, clientSecret: CLIENT_SECRET, scope: MARKER };
    dataOf(JSON.parse(await call(SET_SECRETS, { key: 'web', secrets: { https: { url: `${echo.url}/${MARKER}`, headers, oauth2 } } })));
    await call(TEST_CALL);
    expect(echo.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    // New credentials (the cached token was for the old ones) at a token endpoint that refuses, echoing what it was sent.
    tokenEndpoint.handle((req) => ({
      status: 401,
      body: { error: 'invalid_client', error_description: req.headers.authorization, echo: req.text },
    }));
    const renewed = { ...oauth2, clientSecret: `${CLIENT_SECRET}-2` };
    dataOf(
      JSON.parse(await call(SET_SECRETS, { key: 'web', secrets: { https: { url: `${echo.url}/other-${MARKER}`, oauth2: renewed } } })),
    );
    expect(JSON.parse(await call(TEST_CALL)).data.testConnectionConfig.error).toBe('OAuth2 token endpoint: answered 401 (invalid_client)');
    await call(`{ connectionConfig(key: "web") { key hasSecrets health { lastError } } }`);
  });

  it.each<[string, object]>([
    ['secrets for the wrong type', { key: 'db', secrets: { https: { url: URL_SECRET, authorization: AUTH } } }],
    [
      'both members',
      {
        key: 'web',
        secrets: {
          https: { url: URL_SECRET, authorization: AUTH },
          postgres: { host: 'h', dbname: 'd', username: 'u', password: PG_PASSWORD },
        },
      },
    ],
    ['a non-http URL', { key: 'web', secrets: { https: { url: `ftp://user:${MARKER}@example.com/`, authorization: AUTH } } }],
    ['credentials in the URL', { key: 'web', secrets: { https: { url: `https://user:${MARKER}@example.com/`, authorization: AUTH } } }],
    ['a relative URL', { key: 'web', secrets: { https: { url: `/${MARKER}`, authorization: AUTH } } }],
    ['a multi-line authorization', { key: 'web', secrets: { https: { url: URL_SECRET, authorization: `${AUTH}\nX: y` } } }],
    [
      'a bad signing secret',
      { key: 'web', secrets: { https: { url: URL_SECRET, authorization: AUTH, signingSecret: `whsec_${MARKER}` } } },
    ],
    ['an overlong authorization', { key: 'web', secrets: { https: { url: URL_SECRET, authorization: `${AUTH}${'x'.repeat(5000)}` } } }],
    [
      'a bad sslMode',
      { key: 'db', secrets: { postgres: { host: 'h', dbname: 'd', username: 'u', password: PG_PASSWORD, sslMode: MARKER } } },
    ],
    ['a missing required field next to a secret', { key: 'web', secrets: { https: { authorization: AUTH, signingSecret: SIGNING } } }],
    ['an unknown field next to a secret', { key: 'web', secrets: { https: { url: URL_SECRET, authorization: AUTH, extra: MARKER } } }],
    ['a secret of the wrong type', { key: 'web', secrets: { https: { url: URL_SECRET, authorization: [AUTH] } } }],
    ['a number where a secret string goes', { key: 'web', secrets: { https: { url: URL_SECRET, authorization: { token: AUTH } } } }],
    ['an unknown connection', { key: 'no-such-connection', secrets: { https: { url: URL_SECRET, authorization: AUTH } } }],
    ['a forbidden header name', { key: 'web', secrets: { https: { url: URL_SECRET, headers: [{ name: 'Host', value: HEADER_VALUE }] } } }],
    [
      'a header value with a newline',
      { key: 'web', secrets: { https: { url: URL_SECRET, headers: [{ name: 'X-A', value: `${HEADER_VALUE}\r\nX: 1` }] } } },
    ],
    [
      'a header name that is not a token',
      { key: 'web', secrets: { https: { url: URL_SECRET, headers: [{ name: `X ${MARKER}`, value: HEADER_VALUE }] } } },
    ],
    [
      'authorization and oauth2 together',
      {
        key: 'web',
        secrets: {
          https: { url: URL_SECRET, authorization: AUTH, oauth2: { tokenUrl: URL_SECRET, clientId: MARKER, clientSecret: CLIENT_SECRET } },
        },
      },
    ],
    [
      'a bad oauth2 tokenUrl',
      {
        key: 'web',
        secrets: { https: { url: URL_SECRET, oauth2: { tokenUrl: `ftp://${MARKER}/`, clientId: MARKER, clientSecret: CLIENT_SECRET } } },
      },
    ],
    [
      'an empty oauth2 clientSecret',
      { key: 'web', secrets: { https: { url: URL_SECRET, oauth2: { tokenUrl: URL_SECRET, clientId: MARKER, clientSecret: '' } } } },
    ],
  ])('are not echoed in the error for %s', async (_label, variables) => {
    const text = await call(SET_SECRETS, variables);
    expect(JSON.parse(text).errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|NOT_FOUND/);
    expect(text).not.toContain(MARKER);
  });

  it('are not echoed when given inline in the query document with a wrong type', async () => {
    const text = await call(
      `mutation { setConnectionSecrets(key: "web", secrets: { https: { url: "${URL_SECRET}", authorization: ["${AUTH}"] } }) { key } }`,
    );
    expect(JSON.parse(text).errors?.[0]?.extensions?.code).toBeDefined();
    expect(text).not.toContain(MARKER);
  });

  // graphql-js' reason and path stay; only the value goes (it may hold a secret).
  const PRIVACY_REQUESTS = 'query($s: PrivacyRequestStatus) { privacyRequests(status: $s) { totalCount } }';
  const CREATE_REQUESTS = 'mutation($input: [PrivacyRequestInput!]!) { createPrivacyRequests(input: $input) { id } }';
  it.each<[string, string, object, string]>([
    [
      'a null beside a secret',
      SET_SECRETS,
      { key: 'web', secrets: { https: { url: null, authorization: AUTH } } },
      'Variable "$secrets" got an invalid value at "secrets.https.url"; Expected non-nullable type "String!" not to be null.',
    ],
    [
      'a missing field beside a secret',
      SET_SECRETS,
      { key: 'web', secrets: { https: { authorization: AUTH, signingSecret: SIGNING } } },
      'Variable "$secrets" got an invalid value at "secrets.https"; Field "url" of required type "String!" was not provided.',
    ],
    [
      'a secret of the wrong type',
      SET_SECRETS,
      { key: 'web', secrets: { https: { url: URL_SECRET, authorization: [AUTH] } } },
      'Variable "$secrets" got an invalid value at "secrets.https.authorization"; String cannot represent a non string value.',
    ],
    [
      'a secret where a number goes',
      SET_SECRETS,
      { key: 'db', secrets: { postgres: { host: 'h', dbname: 'd', username: 'u', port: PG_PASSWORD } } },
      'Variable "$secrets" got an invalid value at "secrets.postgres.port"; Int cannot represent non-integer value.',
    ],
    [
      'a secret as an unknown field name',
      SET_SECRETS,
      { key: 'web', secrets: { https: { url: URL_SECRET, authorization: AUTH, [`x-${MARKER}`]: 1 } } },
      'Variable "$secrets" got an invalid value at "secrets.https"; A field is not defined by type "HttpsSecretsInput".',
    ],
    [
      'a secret instead of the object',
      SET_SECRETS,
      { key: 'web', secrets: AUTH },
      'Variable "$secrets" got an invalid value; Expected type "ConnectionSecretsInput" to be an object.',
    ],
    [
      'a secret as an enum value',
      PRIVACY_REQUESTS,
      { s: MARKER },
      'Variable "$s" got an invalid value; The value does not exist in "PrivacyRequestStatus" enum.',
    ],
    [
      'a near miss of an enum value',
      PRIVACY_REQUESTS,
      { s: 'PENDIN' },
      'Variable "$s" got an invalid value; The value does not exist in "PrivacyRequestStatus" enum. Did you mean the enum value "PENDING"?',
    ],
    [
      'a list item',
      CREATE_REQUESTS,
      {
        input: [
          { policyKey: 'policy', identity: { email: 'a@b.co' } },
          { policyKey: 'policy', identity: { email: [MARKER] } },
        ],
      },
      'Variable "$input" got an invalid value at "input[1].identity.email"; String cannot represent a non string value.',
    ],
  ])('keep the path and the reason of a bad variable, not the value: %s', async (_label, query, variables, message) => {
    const res = JSON.parse(await call(query, variables));
    expect(res.errors).toEqual([expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT' } })]);
    expect(JSON.stringify(res)).not.toContain(MARKER);
  });

  it('report every bad variable value, each with its path', async () => {
    const res = JSON.parse(
      await call(CREATE_REQUESTS, {
        input: [
          { policyKey: null, identity: { email: AUTH } },
          { policyKey: 'policy', identity: { phoneNumber: 5 } },
        ],
      }),
    );
    expect(res.errors.map((e: { message: string }) => e.message)).toEqual([
      'Variable "$input" got an invalid value at "input[0].policyKey"; Expected non-nullable type "String!" not to be null.',
      'Variable "$input" got an invalid value at "input[1].identity.phoneNumber"; String cannot represent a non string value.',
    ]);
  });

  it('keep "found null" for an inline null, the one value that is no secret', async () => {
    const res = JSON.parse(
      await call(`mutation { setConnectionSecrets(key: "web", secrets: { https: { url: null, authorization: "${AUTH}" } }) { key } }`),
    );
    expect(res.errors[0].message).toBe('Expected value of type "String!", found null.');
  });

  it('appear in no response above', () => {
    expect(responses.length).toBeGreaterThan(10);
    for (const text of responses) expect(text).not.toContain(MARKER);
  });

  it('appear in no log line, even at trace level', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const leaking = logLines.filter((line) =>
      [MARKER, AUTH, SIGNING, HEADER_VALUE, CLIENT_SECRET, TOKEN].some((secret) => line.includes(secret)),
    );
    expect(leaking).toEqual([]);
  });
});
