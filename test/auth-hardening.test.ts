import { createHmac, hkdfSync } from 'node:crypto';
import { ALL_SCOPES } from '../src/graphql/scopes';
import { dataOf, startTestServer, TEST_ENCRYPTION_KEY, TEST_ROOT_CLIENT, type TestServer } from './support/server';

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
    const statuses = await Promise.all(Array.from({ length: 150 }, (_, i) => tokenRequest(victim.clientId, `wrong-${i}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect((await tokenRequest(victim.clientId, victim.clientSecret)).status).toBe(429);
  });

  it('counts unknown client ids the same way', async () => {
    const statuses = await Promise.all(Array.from({ length: 150 }, (_, i) => tokenRequest('no-such-client', `wrong-${i}`).then((r) => r.status)));
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
  const good = () => ({ iss: 'dsr-hooks', aud: 'dsr-hooks-api', sub: TEST_ROOT_CLIENT.clientId, scope: ALL_SCOPES.join(' '), iat: now(), exp: now() + 600 });

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
