import { createConnection, createPolicy, givenWebhooks, SET_SECRETS } from './support/config-fixtures';
import { dataOf, startTestServer, type TestServer } from './support/server';

/** Secret values must not appear in any GraphQL response, error message or log line. */
const AUTH = 'Bearer tok-NEVER-SHOW-4f1c9';
const URL_SECRET = 'https://hooks.example.com/path-NEVER-SHOW-77aa';
const SIGNING = `whsec_${Buffer.from('NEVER-SHOW-signing-secret-bytes!').toString('base64')}`;
const PG_PASSWORD = 'pg-NEVER-SHOW-pass';
const MARKER = 'NEVER-SHOW';

let t: TestServer;
const logLines: string[] = [];
beforeAll(async () => {
  t = await startTestServer({ logLevel: 'trace' }, { write: (line: string) => logLines.push(line) });
  await createConnection(t, 'web');
  await createConnection(t, 'db', 'POSTGRES');
  await createPolicy(t, 'policy');
  await givenWebhooks(t, 'policy', 'PRE_EXECUTION', ['hook'], 'web');
});
afterAll(() => t.close());

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
    dataOf(JSON.parse(await call(SET_SECRETS, { key: 'web', secrets: { https: { url: URL_SECRET, authorization: AUTH, signingSecret: SIGNING } } })));
    dataOf(JSON.parse(await call(SET_SECRETS, { key: 'db', secrets: { postgres: { host: 'h', dbname: 'd', username: 'u', password: PG_PASSWORD } } })));
    const ALL = 'id key name connectionType access disabled description hasSecrets createdAt updatedAt';
    await call(`{ connectionConfigs { edges { node { ${ALL} } } } }`);
    await call(`{ connectionConfig(key: "web") { ${ALL} } }`);
    await call(`{ policies { edges { node { preWebhooks { connectionConfig { ${ALL} } policy { key } } } } } }`);
    await call(`{ webhook(policyKey: "policy", phase: PRE_EXECUTION, key: "hook") { connectionConfig { ${ALL} } } }`);
    await call(`{ __type(name: "ConnectionConfig") { fields { name } } }`);
  });

  it.each<[string, object]>([
    ['secrets for the wrong type', { key: 'db', secrets: { https: { url: URL_SECRET, authorization: AUTH } } }],
    ['both members', { key: 'web', secrets: { https: { url: URL_SECRET, authorization: AUTH }, postgres: { host: 'h', dbname: 'd', username: 'u', password: PG_PASSWORD } } }],
    ['a non-http URL', { key: 'web', secrets: { https: { url: `ftp://user:${MARKER}@example.com/`, authorization: AUTH } } }],
    ['credentials in the URL', { key: 'web', secrets: { https: { url: `https://user:${MARKER}@example.com/`, authorization: AUTH } } }],
    ['a relative URL', { key: 'web', secrets: { https: { url: `/${MARKER}`, authorization: AUTH } } }],
    ['a multi-line authorization', { key: 'web', secrets: { https: { url: URL_SECRET, authorization: `${AUTH}\nX: y` } } }],
    ['a bad signing secret', { key: 'web', secrets: { https: { url: URL_SECRET, authorization: AUTH, signingSecret: `whsec_${MARKER}` } } }],
    ['an overlong authorization', { key: 'web', secrets: { https: { url: URL_SECRET, authorization: `${AUTH}${'x'.repeat(5000)}` } } }],
    ['a bad sslMode', { key: 'db', secrets: { postgres: { host: 'h', dbname: 'd', username: 'u', password: PG_PASSWORD, sslMode: MARKER } } }],
    ['a missing required field next to a secret', { key: 'web', secrets: { https: { url: URL_SECRET, signingSecret: SIGNING } } }],
    ['an unknown field next to a secret', { key: 'web', secrets: { https: { url: URL_SECRET, authorization: AUTH, extra: MARKER } } }],
    ['a secret of the wrong type', { key: 'web', secrets: { https: { url: URL_SECRET, authorization: [AUTH] } } }],
    ['a number where a secret string goes', { key: 'web', secrets: { https: { url: URL_SECRET, authorization: { token: AUTH } } } }],
    ['an unknown connection', { key: 'no-such-connection', secrets: { https: { url: URL_SECRET, authorization: AUTH } } }],
  ])('are not echoed in the error for %s', async (_label, variables) => {
    const text = await call(SET_SECRETS, variables);
    expect(JSON.parse(text).errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|NOT_FOUND/);
    expect(text).not.toContain(MARKER);
  });

  it('are not echoed when given inline in the query document with a wrong type', async () => {
    const text = await call(`mutation { setConnectionSecrets(key: "web", secrets: { https: { url: "${URL_SECRET}", authorization: ["${AUTH}"] } }) { key } }`);
    expect(JSON.parse(text).errors?.[0]?.extensions?.code).toBeDefined();
    expect(text).not.toContain(MARKER);
  });

  it('appear in no response above', () => {
    expect(responses.length).toBeGreaterThan(10);
    for (const text of responses) expect(text).not.toContain(MARKER);
  });

  it('appear in no log line, even at trace level', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const leaking = logLines.filter((line) => line.includes(MARKER) || line.includes(AUTH) || line.includes(SIGNING));
    expect(leaking).toEqual([]);
  });
});
