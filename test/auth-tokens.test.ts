import { AccessTokenSigner } from '../src/domain/access-tokens';
import { ALL_SCOPES } from '../src/graphql/scopes';
import { dataOf, errorCode, startTestServer, TEST_ENCRYPTION_KEY, TEST_ROOT_CLIENT, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ tokenFailureLimit: 3, tokenFailureWindowSeconds: 600 });
});
afterAll(() => t.close());

const ROOT = { client_id: TEST_ROOT_CLIENT.clientId, client_secret: TEST_ROOT_CLIENT.clientSecret };

async function tokenRequest(
  server: TestServer,
  body: Record<string, string>,
  as: 'json' | 'form' = 'json',
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded', ...headers },
    body: as === 'json' ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
}

async function graphqlWith(server: TestServer, authorization: string, query = '{ policies { totalCount } }') {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

describe('POST /oauth/token', () => {
  it('issues a bearer token for form-encoded client credentials', async () => {
    const res = await tokenRequest(t, { grant_type: 'client_credentials', ...ROOT }, 'form');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600, scope: ALL_SCOPES.join(' ') });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const graphql = await graphqlWith(t, `Bearer ${res.body.access_token}`);
    expect(graphql.body.data.policies.totalCount).toBe(0);
  });

  it('accepts JSON and HTTP Basic client credentials too', async () => {
    expect((await tokenRequest(t, { grant_type: 'client_credentials', ...ROOT })).status).toBe(200);
    const basic = Buffer.from(`${ROOT.client_id}:${ROOT.client_secret}`).toString('base64');
    const res = await tokenRequest(t, { grant_type: 'client_credentials' }, 'form', { authorization: `Basic ${basic}` });
    expect(res.status).toBe(200);
  });

  it('narrows the token to the requested scope', async () => {
    const res = await tokenRequest(t, { grant_type: 'client_credentials', ...ROOT, scope: 'policy:read connection:read' });
    expect(res.body.scope).toBe('policy:read connection:read');
    const graphql = await graphqlWith(t, `Bearer ${res.body.access_token}`, 'mutation { upsertPolicies(input: []) { key } }');
    expect(graphql.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'policy:create_or_update' });
  });

  it('answers 401 invalid_client to a wrong secret or an unknown client, without saying which', async () => {
    const wrong = await tokenRequest(t, { grant_type: 'client_credentials', client_id: 'someone', client_secret: 'guess' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    const missing = await tokenRequest(t, { grant_type: 'client_credentials', client_id: 'someone-else' });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toBe('invalid_client');
  });

  it('answers the other RFC 6749 errors', async () => {
    expect((await tokenRequest(t, { ...ROOT })).body.error).toBe('invalid_request');
    const password = await tokenRequest(t, { grant_type: 'password', ...ROOT });
    expect([password.status, password.body.error]).toEqual([400, 'unsupported_grant_type']);
    const scope = await tokenRequest(t, { grant_type: 'client_credentials', ...ROOT, scope: 'everything' });
    expect([scope.status, scope.body.error]).toEqual([400, 'invalid_scope']);
    const twice = await fetch(`${t.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: [ROOT.client_id, 'x'], client_secret: ROOT.client_secret }),
    });
    expect([twice.status, (await twice.json()).error]).toEqual([400, 'invalid_request']);
    const broken = await fetch(`${t.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"grant_type":',
    });
    expect([broken.status, (await broken.json()).error]).toEqual([400, 'invalid_request']);
  });
});

describe('a token on /graphql', () => {
  it('is rejected with one 401 UNAUTHENTICATED when its payload was altered', async () => {
    const narrow = await t.token(['policy:read']);
    const [header, payload, signature] = narrow.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const widened = Buffer.from(JSON.stringify({ ...claims, scope: ALL_SCOPES.join(' ') })).toString('base64url');
    const res = await graphqlWith(
      t,
      `Bearer ${header}.${widened}.${signature}`,
      '{ a: policies { totalCount } b: connectionConfigs { totalCount } }',
    );
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: [{ message: 'the access token is not valid', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('is rejected when signed with another key or not a token at all', async () => {
    const foreign = new AccessTokenSigner(Buffer.from('another-key-another-key-another-k')).sign('test-root', ALL_SCOPES, 3600).token;
    expect((await graphqlWith(t, `Bearer ${foreign}`)).status).toBe(401);
    expect((await graphqlWith(t, 'Bearer not.a.token')).status).toBe(401);
    expect((await graphqlWith(t, `Basic ${Buffer.from('a:b').toString('base64')}`)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('is rejected once expired', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = new AccessTokenSigner(TEST_ENCRYPTION_KEY, () => past).sign('test-root', ALL_SCOPES, 60).token;
    const res = await graphqlWith(t, `Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(res.body.errors[0]).toMatchObject({ message: expect.stringContaining('expired'), extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('createApiClient', () => {
  const CREATE = 'mutation($scopes: [String!]!) { createApiClient(scopes: $scopes) { clientId clientSecret scopes } }';

  it('returns credentials that get a token with exactly those scopes; only a hash is stored', async () => {
    const created = dataOf(await t.gql(CREATE, { scopes: ['policy:read', 'policy:read', 'webhook:read'] })).createApiClient;
    expect(created.scopes).toEqual(['policy:read', 'webhook:read']);
    const res = await tokenRequest(t, {
      grant_type: 'client_credentials',
      client_id: created.clientId,
      client_secret: created.clientSecret,
    });
    expect(res.body.scope).toBe('policy:read webhook:read');
    const [row] = await t.sql('select secret_hash, scopes from api_client where client_id = ?', [created.clientId]);
    expect(row.secret_hash).toMatch(/^scrypt\$/);
    expect(row.secret_hash).not.toContain(created.clientSecret);
  });

  it('rejects unknown scope names with BAD_USER_INPUT listing the valid ones', async () => {
    const res = await t.gql(CREATE, { scopes: ['policy:read', 'policy:write'] });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('"policy:write"');
    for (const scope of ALL_SCOPES) expect(res.errors![0].message).toContain(scope);
  });

  it('never lets a client grant a scope it does not hold itself', async () => {
    const before = await t.sql('select count(*)::int as n from api_client');
    const limited = await t.token(['client:create', 'policy:read']);
    const res = await t.gqlAs(limited, CREATE, { scopes: ['policy:read', 'policy:delete'] });
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'policy:delete' });
    expect(await t.sql('select count(*)::int as n from api_client')).toEqual(before);
    expect(dataOf(await t.gqlAs(limited, CREATE, { scopes: ['policy:read'] })).createApiClient.scopes).toEqual(['policy:read']);
  });
});

describe('failed /oauth/token attempts', () => {
  it('lock a client id after the limit, even for the right secret, while other clients go on', async () => {
    const victim = dataOf(await t.gql('mutation { createApiClient(scopes: ["policy:read"]) { clientId clientSecret } }')).createApiClient;
    for (let i = 0; i < 3; i++) {
      const guess = await tokenRequest(t, { grant_type: 'client_credentials', client_id: victim.clientId, client_secret: `guess-${i}` });
      expect(guess.status).toBe(401);
    }
    const locked = await tokenRequest(t, {
      grant_type: 'client_credentials',
      client_id: victim.clientId,
      client_secret: victim.clientSecret,
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('temporarily_unavailable');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await tokenRequest(t, { grant_type: 'client_credentials', ...ROOT })).status).toBe(200);
  });
});

describe('with short lifetimes', () => {
  let short: TestServer;
  beforeAll(async () => {
    short = await startTestServer({ accessTokenTtlSeconds: 3, tokenFailureLimit: 1, tokenFailureWindowSeconds: 1 });
  });
  afterAll(() => short.close());

  /** Polls until check() holds, for at most 15 s. */
  async function eventually(check: () => Promise<boolean>) {
    for (let i = 0; i < 75; i++) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 200));
    }
    return false;
  }

  it('a token stops working after ACCESS_TOKEN_TTL_SECONDS', async () => {
    const res = await tokenRequest(short, { grant_type: 'client_credentials', ...ROOT });
    expect(res.body.expires_in).toBe(3);
    expect((await graphqlWith(short, `Bearer ${res.body.access_token}`)).status).toBe(200);
    expect(await eventually(async () => (await graphqlWith(short, `Bearer ${res.body.access_token}`)).status === 401)).toBe(true);
  });

  it('a locked client id may try again once the window has passed', async () => {
    expect(
      (await tokenRequest(short, { grant_type: 'client_credentials', client_id: ROOT.client_id, client_secret: 'wrong' })).status,
    ).toBe(401);
    expect((await tokenRequest(short, { grant_type: 'client_credentials', ...ROOT })).status).toBe(429);
    expect(await eventually(async () => (await tokenRequest(short, { grant_type: 'client_credentials', ...ROOT })).status === 200)).toBe(
      true,
    );
  });
});
