import { createHmac, hkdfSync } from 'node:crypto';
import { ALL_SCOPES } from '../src/graphql/scopes';
import { dataOf, errorCode, startTestServer, TEST_ENCRYPTION_KEY, TEST_ROOT_CLIENT, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ tokenFailureLimit: 10, tokenFailureWindowSeconds: 600 });
});
afterAll(() => t.close());

function tokenRequest(clientId: string, clientSecret: string) {
  return fetch(`${t.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
}

async function graphqlStatus(token: string): Promise<number> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ policies { totalCount } }' }),
  });
  await res.text();
  return res.status;
}

describe('the failed-attempt limit of /oauth/token under concurrency', () => {
  it('answers at most OAUTH_MAX_FAILED_ATTEMPTS wrong secrets with 401 when 150 arrive at once; the rest get 429', async () => {
    const victim = dataOf(await t.gql('mutation { createApiClient(scopes: ["policy:read"]) { clientId clientSecret } }')).createApiClient;
    const statuses = await Promise.all(
      Array.from({ length: 150 }, (_, i) => tokenRequest(victim.clientId, `wrong-${i}`).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect((await tokenRequest(victim.clientId, victim.clientSecret)).status).toBe(429);
  });

  it('counts unknown client ids the same way', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 150 }, (_, i) => tokenRequest('no-such-client', `wrong-${i}`).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(140);
  });
});

/** A token signed with the server's real key but with claims of our choosing. */
function signedToken(claims: Record<string, unknown>): string {
  const key = Buffer.from(hkdfSync('sha256', TEST_ENCRYPTION_KEY, 'dsr-hooks', 'access-token-signing-v1', 32));
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${header}.${payload}.${createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url')}`;
}

describe('access token claims', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const good = () => ({
    iss: 'dsr-hooks',
    aud: 'dsr-hooks-api',
    sub: TEST_ROOT_CLIENT.clientId,
    scope: ALL_SCOPES.join(' '),
    iat: now(),
    exp: now() + 600,
  });

  it('issues tokens with our iss and aud, and accepts them', async () => {
    const token = await t.token();
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ iss: 'dsr-hooks', aud: 'dsr-hooks-api' });
    expect(await graphqlStatus(signedToken(good()))).toBe(200);
  });

  it('refuses a token without our audience, or with another one', async () => {
    const { aud: _aud, ...withoutAud } = good();
    expect(await graphqlStatus(signedToken(withoutAud))).toBe(401);
    expect(await graphqlStatus(signedToken({ ...good(), aud: 'another-service' }))).toBe(401);
    expect(await graphqlStatus(signedToken({ ...good(), aud: ['dsr-hooks-api', 'another-service'] }))).toBe(401);
  });

  it('refuses a token of another issuer, or without iat', async () => {
    expect(await graphqlStatus(signedToken({ ...good(), iss: 'someone-else' }))).toBe(401);
    const { iat: _iat, ...withoutIat } = good();
    expect(await graphqlStatus(signedToken(withoutIat))).toBe(401);
  });

  it('refuses a token issued in the future or not valid before a future time, beyond a small leeway', async () => {
    expect(await graphqlStatus(signedToken({ ...good(), iat: now() + 3600 }))).toBe(401);
    expect(await graphqlStatus(signedToken({ ...good(), nbf: now() + 3600 }))).toBe(401);
    expect(await graphqlStatus(signedToken({ ...good(), nbf: 'soon' }))).toBe(401);
    // a few seconds of clock skew between servers is fine
    expect(await graphqlStatus(signedToken({ ...good(), iat: now() + 5, nbf: now() + 5 }))).toBe(200);
    expect(await graphqlStatus(signedToken({ ...good(), nbf: now() - 5 }))).toBe(200);
  });
});

describe('listing and revoking API clients', () => {
  const CREATE = 'mutation($scopes: [String!]!) { createApiClient(scopes: $scopes) { clientId clientSecret } }';
  const LIST = '{ apiClients { clientId scopes createdAt revokedAt } }';
  const REVOKE = 'mutation($id: String!) { revokeApiClient(clientId: $id) { clientId scopes createdAt revokedAt } }';

  async function newClient() {
    const created = dataOf(await t.gql(CREATE, { scopes: ['policy:read'] })).createApiClient;
    const res = await tokenRequest(created.clientId, created.clientSecret);
    expect(res.status).toBe(200);
    return { ...created, token: ((await res.json()) as { access_token: string }).access_token };
  }

  /** Polls until check() holds, for at most 15 s (the cache keeps an answer for about 2 s). */
  async function eventually(check: () => Promise<boolean>) {
    for (let i = 0; i < 150; i++) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }

  it('lists clients with their scopes and no secret; needs client:admin', async () => {
    const client = await newClient();
    const list = dataOf(await t.gql(LIST)).apiClients;
    expect(list).toContainEqual({ clientId: client.clientId, scopes: ['policy:read'], createdAt: expect.any(String), revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(client.clientSecret);
    expect(list.map((c: any) => c.clientId)).not.toContain(TEST_ROOT_CLIENT.clientId);
    const withoutAdmin = await t.gqlAs(await t.token(['client:create']), LIST);
    expect(withoutAdmin.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'client:admin' });
  });

  it('a revoked client is refused at /oauth/token at once, and its tokens stop working', async () => {
    const client = await newClient();
    expect(await graphqlStatus(client.token)).toBe(200);
    const revoked = dataOf(await t.gql(REVOKE, { id: client.clientId })).revokeApiClient;
    expect(revoked).toMatchObject({ clientId: client.clientId, revokedAt: expect.any(String) });
    const refused = await tokenRequest(client.clientId, client.clientSecret);
    expect([refused.status, (await refused.json()).error]).toEqual([401, 'invalid_client']);
    expect(await graphqlStatus(client.token)).toBe(401); // this process revoked it: seen at once
    const listed = dataOf(await t.gql(LIST)).apiClients.find((c: any) => c.clientId === client.clientId);
    expect(listed.revokedAt).toBe(revoked.revokedAt);
    // revoking again changes nothing
    expect(dataOf(await t.gql(REVOKE, { id: client.clientId })).revokeApiClient.revokedAt).toBe(revoked.revokedAt);
  });

  it('tokens of a client revoked by another server process stop working within a few seconds', async () => {
    const client = await newClient();
    expect(await graphqlStatus(client.token)).toBe(200);
    await t.sql('update api_client set revoked_at = now() where client_id = ?', [client.clientId]);
    expect(await eventually(async () => (await graphqlStatus(client.token)) === 401)).toBe(true);
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${client.token}` },
      body: JSON.stringify({ query: '{ policies { totalCount } }' }),
    });
    expect(await res.json()).toEqual({
      errors: [{ message: expect.stringContaining('revoked'), extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('refuses to revoke the root client, and answers NOT_FOUND for an unknown one', async () => {
    const root = await t.gql(REVOKE, { id: TEST_ROOT_CLIENT.clientId });
    expect(root.errors![0]).toMatchObject({
      message: expect.stringContaining('root client cannot be revoked'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await tokenRequest(TEST_ROOT_CLIENT.clientId, TEST_ROOT_CLIENT.clientSecret)).status).toBe(200);
    expect(errorCode(await t.gql(REVOKE, { id: 'dsr_nope' }))).toBe('NOT_FOUND');
  });

  it('needs client:admin to revoke; client:create is not enough', async () => {
    const client = await newClient();
    const res = await t.gqlAs(await t.token(['client:create']), REVOKE, { id: client.clientId });
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'client:admin' });
    expect(await graphqlStatus(client.token)).toBe(200);
  });
});
