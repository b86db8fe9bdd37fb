import { request } from 'node:http';
import { AccessTokenSigner } from '../src/domain/access-tokens';
import { createConnection, createPolicy, DELETE_WEBHOOK, givenWebhooks, patchWebhook } from './support/config-fixtures';
import { dataOf, startTestServer, TEST_ENCRYPTION_KEY, TEST_ROOT_CLIENT, type TestServer } from './support/server';
import { changeUntilSeen, openSocket, subscribe, type TestSocket } from './support/websocket';

/** GraphQL over WebSocket (graphql-ws) on /graphql: auth, scopes, policy webhook events, limits. */
let t: TestServer;
let root: string;
const sockets: TestSocket[] = [];
beforeAll(async () => {
  t = await startTestServer({
    wsMaxSockets: 6,
    wsMaxSubscriptionsPerSocket: 2,
    maxQueryDepth: 4,
    // room for the cost test's 1100 aliases
    maxQueryAliases: 1200,
    maxQueryTokens: 10_000,
    corsOrigins: ['https://admin.example.com'],
  });
  root = await t.token();
  await createConnection(t, 'conn');
  await createPolicy(t, 'erasure');
});
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => s.dispose()));
});
afterAll(() => t.close());

function open(payload: Record<string, unknown> | null, headers?: Record<string, string>): TestSocket {
  const socket = openSocket(t.url, payload, headers);
  sockets.push(socket);
  return socket;
}

/** The HTTP status a bare WebSocket handshake to /graphql is answered with. */
function upgradeStatus(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}/graphql`, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-protocol': 'graphql-transport-ws',
      },
    });
    req.on('response', (res) => (res.resume(), resolve(res.statusCode!)));
    req.on('upgrade', (res, socket) => (socket.destroy(), resolve(res.statusCode!)));
    req.on('error', reject);
    req.end();
  });
}

const POLICY_WEBHOOKS = `subscription($key: String!) { policyWebhooksChanged(policyKey: $key) { key preWebhooks { key order } postWebhooks { key } } }`;

describe('connection_init', () => {
  it.each([
    ['no payload', null],
    ['no Authorization', {}],
    ['not a Bearer value', { Authorization: 'Basic abc' }],
    ['a token without "Bearer"', { Authorization: 'token-without-scheme' }],
    ['a tampered token', { Authorization: 'Bearer x.y.z' }],
  ])('%s: the socket is closed with 4401 before any subscription starts', async (_name, payload) => {
    expect((await open(payload as Record<string, unknown> | null).closed).code).toBe(4401);
  });

  it('an expired token: closed with 4401', async () => {
    const expired = new AccessTokenSigner(TEST_ENCRYPTION_KEY, () => Math.floor(Date.now() / 1000) - 7200).sign(
      TEST_ROOT_CLIENT.clientId,
      ['policy:read'],
      60,
    ).token;
    expect((await open({ Authorization: `Bearer ${expired}` }).closed).code).toBe(4401);
  });

  it('lower-case "authorization" is accepted too', async () => {
    const socket = open({ authorization: `Bearer ${root}` });
    const sub = subscribe(socket, POLICY_WEBHOOKS, { key: 'erasure' });
    await changeUntilSeen(
      sub,
      () => givenWebhooks(t, 'erasure', 'PRE_EXECUTION', ['lower'], 'conn'),
      (r) => r.data?.policyWebhooksChanged.preWebhooks[0]?.key === 'lower',
    );
  });

  it('a token that expires during a subscription closes the socket with 4401', async () => {
    const signer = new AccessTokenSigner(TEST_ENCRYPTION_KEY);
    const short = signer.sign(TEST_ROOT_CLIENT.clientId, ['policy:read', 'webhook:read'], 4).token;
    const socket = open({ Authorization: `Bearer ${short}` });
    const sub = subscribe(socket, POLICY_WEBHOOKS, { key: 'erasure' });
    await changeUntilSeen(
      sub,
      () => givenWebhooks(t, 'erasure', 'PRE_EXECUTION', ['before_expiry'], 'conn'),
      (r) => r.data?.policyWebhooksChanged.preWebhooks[0]?.key === 'before_expiry',
    );
    expect((await socket.closed).code).toBe(4401);
  });
});

describe('a revoked client', () => {
  it('has its open sockets closed with 4401, as its tokens stop working over HTTP', async () => {
    const created = dataOf(
      await t.gql('mutation { createApiClient(scopes: ["policy:read", "webhook:read"]) { clientId clientSecret } }'),
    ).createApiClient;
    const res = await fetch(`${t.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: created.clientId, client_secret: created.clientSecret }),
    });
    const { access_token: token } = (await res.json()) as { access_token: string };
    const socket = open({ Authorization: `Bearer ${token}` });
    const sub = subscribe(socket, POLICY_WEBHOOKS, { key: 'erasure' });
    await changeUntilSeen(
      sub,
      () => givenWebhooks(t, 'erasure', 'PRE_EXECUTION', ['before_revoke'], 'conn'),
      (r) => r.data?.policyWebhooksChanged.preWebhooks[0]?.key === 'before_revoke',
    );
    dataOf(await t.gql('mutation($id: String!) { revokeApiClient(clientId: $id) { clientId } }', { id: created.clientId }));
    const closed = await socket.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/revoked/);
    expect((await open({ Authorization: `Bearer ${token}` }).closed).code).toBe(4401);
  });
});

describe('scopes', () => {
  it('privacyRequestsChanged without privacy-request:read: an error message with FORBIDDEN and requiredScope', async () => {
    const socket = open({ Authorization: `Bearer ${await t.token(['policy:read'])}` });
    const err = (await subscribe(socket, 'subscription { privacyRequestsChanged { id } }').failed) as any[];
    expect(err[0].extensions).toEqual({ code: 'FORBIDDEN', requiredScope: 'privacy-request:read' });
  });

  it("a followed request's nested fields check their own scope, as over HTTP: its policy needs policy:read", async () => {
    const [request] = dataOf(
      await t.gql('mutation { createPrivacyRequests(input: [{ policyKey: "erasure", identity: { email: "sub@example.com" } }]) { id } }'),
    ).createPrivacyRequests;
    const socket = open({ Authorization: `Bearer ${await t.token(['privacy-request:read'])}` });
    const sub = subscribe(socket, 'subscription($id: ID!) { privacyRequestUpdated(id: $id) { id policy { key name } } }', {
      id: request.id,
    });
    const first = await sub.until((r) => !!r.errors, 'the initial state');
    expect(first.errors!.map((e) => [e.path, e.extensions])).toEqual([
      [['privacyRequestUpdated', 'policy'], { code: 'FORBIDDEN', requiredScope: 'policy:read' }],
    ]);
    expect(JSON.stringify(first.data)).not.toContain('erasure');
  });

  it('policyWebhooksChanged needs webhook:read besides policy:read', async () => {
    const socket = open({ Authorization: `Bearer ${await t.token(['policy:read'])}` });
    const err = (await subscribe(socket, POLICY_WEBHOOKS, { key: 'erasure' }).failed) as any[];
    expect(err[0].extensions).toEqual({ code: 'FORBIDDEN', requiredScope: 'webhook:read' });
  });

  it('policyWebhooksChanged without policy:read: FORBIDDEN naming policy:read', async () => {
    const socket = open({ Authorization: `Bearer ${await t.token(['webhook:read'])}` });
    const err = (await subscribe(socket, POLICY_WEBHOOKS, { key: 'erasure' }).failed) as any[];
    expect(err[0].extensions).toEqual({ code: 'FORBIDDEN', requiredScope: 'policy:read' });
  });

  it('a nested field keeps its own scope: connectionConfig without connection:read is FORBIDDEN in the event', async () => {
    const socket = open({ Authorization: `Bearer ${await t.token(['policy:read', 'webhook:read'])}` });
    const sub = subscribe(
      socket,
      `subscription { policyWebhooksChanged(policyKey: "erasure") { preWebhooks { key connectionConfig { key } } } }`,
    );
    const result = await changeUntilSeen(
      sub,
      () => givenWebhooks(t, 'erasure', 'PRE_EXECUTION', ['nested'], 'conn'),
      (r) => Boolean(r.errors),
    );
    expect(result.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'connection:read' });
  });

  it('an unknown policy or request: NOT_FOUND', async () => {
    const socket = open({ Authorization: `Bearer ${root}` });
    const policy = (await subscribe(socket, POLICY_WEBHOOKS, { key: 'nope' }).failed) as any[];
    expect(policy[0].extensions.code).toBe('NOT_FOUND');
    const request = (await subscribe(socket, 'subscription { privacyRequestUpdated(id: "00000000-0000-4000-8000-000000000000") { id } }')
      .failed) as any[];
    expect(request[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('policyWebhooksChanged', () => {
  it('fires after set, patch and delete, each time with the webhooks as they now are', async () => {
    await createPolicy(t, 'events');
    const socket = open({ Authorization: `Bearer ${root}` });
    const sub = subscribe(socket, POLICY_WEBHOOKS, { key: 'events' });
    const keys = (r: any) => r.data?.policyWebhooksChanged.preWebhooks.map((w: any) => w.key).join(',');
    await changeUntilSeen(
      sub,
      () => givenWebhooks(t, 'events', 'PRE_EXECUTION', ['a', 'b', 'c'], 'conn'),
      (r) => keys(r) === 'a,b,c',
      'the set',
    );
    dataOf(await patchWebhook(t, 'events', 'PRE_EXECUTION', 'a', { order: 2 }));
    await sub.until((r) => keys(r) === 'b,c,a', 'the patch');
    dataOf(await t.gql(DELETE_WEBHOOK, { policyKey: 'events', phase: 'PRE_EXECUTION', key: 'c' }));
    await sub.until((r) => keys(r) === 'b,a', 'the delete');
    await givenWebhooks(t, 'events', 'POST_EXECUTION', ['post'], 'conn');
    await sub.until((r) => r.data?.policyWebhooksChanged.postWebhooks[0]?.key === 'post', 'the post-execution set');
  });

  it('a failed mutation publishes nothing (its transaction rolled back)', async () => {
    await createPolicy(t, 'quiet');
    const socket = open({ Authorization: `Bearer ${root}` });
    const sub = subscribe(socket, POLICY_WEBHOOKS, { key: 'quiet' });
    await changeUntilSeen(
      sub,
      () => givenWebhooks(t, 'quiet', 'PRE_EXECUTION', ['x'], 'conn'),
      (r) => r.data?.policyWebhooksChanged.preWebhooks.length === 1,
    );
    await new Promise((r) => setTimeout(r, 300));
    const before = sub.results.length;
    const failed = await t.gql(DELETE_WEBHOOK, { policyKey: 'quiet', phase: 'PRE_EXECUTION', key: 'missing' });
    expect(failed.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const bad = await t.gql(
      `mutation { setPreWebhooks(policyKey: "quiet", webhooks: [{ key: "y", direction: ONE_WAY, connectionConfigKey: "no_such" }]) { key } }`,
    );
    expect(bad.errors).toBeDefined();
    await givenWebhooks(t, 'quiet', 'PRE_EXECUTION', ['x', 'z'], 'conn');
    await sub.until((r) => r.data?.policyWebhooksChanged.preWebhooks.length === 2);
    expect(sub.results.slice(before).map((r) => r.data?.policyWebhooksChanged.preWebhooks.length)).toEqual([2]);
  });

  it('deleting the policy completes its subscriptions', async () => {
    await createPolicy(t, 'doomed');
    const socket = open({ Authorization: `Bearer ${root}` });
    const sub = subscribe(socket, POLICY_WEBHOOKS, { key: 'doomed' });
    await changeUntilSeen(
      sub,
      () => givenWebhooks(t, 'doomed', 'PRE_EXECUTION', ['x'], 'conn'),
      (r) => r.data?.policyWebhooksChanged.preWebhooks.length === 1,
    );
    dataOf(await t.gql(`mutation { deletePolicy(key: "doomed") }`));
    await sub.completed;
  });
});

describe('limits', () => {
  it('more subscriptions on one socket than WS_MAX_SUBSCRIPTIONS_PER_SOCKET: the extra one errors, the socket stays', async () => {
    const socket = open({ Authorization: `Bearer ${root}` });
    const first = subscribe(socket, POLICY_WEBHOOKS, { key: 'erasure' });
    subscribe(socket, POLICY_WEBHOOKS, { key: 'erasure' });
    const third = (await subscribe(socket, POLICY_WEBHOOKS, { key: 'erasure' }).failed) as any[];
    expect(third[0].extensions).toEqual({ code: 'BAD_USER_INPUT', maxSubscriptionsPerSocket: 2 });
    await changeUntilSeen(
      first,
      () => givenWebhooks(t, 'erasure', 'PRE_EXECUTION', ['still_open'], 'conn'),
      (r) => r.data?.policyWebhooksChanged.preWebhooks[0]?.key === 'still_open',
    );
  });

  it('the depth limit applies to subscription documents', async () => {
    const socket = open({ Authorization: `Bearer ${root}` });
    const err = (await subscribe(
      socket,
      `subscription { policyWebhooksChanged(policyKey: "erasure") { preWebhooks { policy { preWebhooks { policy { key } } } } } }`,
    ).failed) as any[];
    expect(err[0].message).toMatch(/nested more than 4 levels/);
    expect(err[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('the cost limit applies to subscription documents', async () => {
    const socket = open({ Authorization: `Bearer ${root}` });
    const many = Array.from({ length: 1100 }, (_, i) => `d${i}: deliveries { id }`).join(' ');
    const err = (await subscribe(socket, `subscription { privacyRequestsChanged { ${many} } }`).failed) as any[];
    expect(err[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxCost: 10000 });
  });

  it('the token, alias and directive limits apply to subscription documents', async () => {
    const socket = open({ Authorization: `Bearer ${root}` });
    const aliases = Array.from({ length: 1201 }, (_, i) => `d${i}: id`).join(' ');
    const tooManyAliases = (await subscribe(socket, `subscription { privacyRequestsChanged { ${aliases} } }`).failed) as any[];
    expect(tooManyAliases[0]).toMatchObject({
      message: expect.stringMatching(/more than 1200 aliases/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const directives = 'id @include(if: true) @skip(if: false) '.repeat(26);
    const tooManyDirectives = (await subscribe(socket, `subscription { privacyRequestsChanged { ${directives} } }`).failed) as any[];
    expect(tooManyDirectives[0].message).toBe('the query has more than 50 directives');
    const tokens = (await subscribe(socket, `subscription { privacyRequestsChanged { ${'id '.repeat(10_000)} } }`).failed) as any[];
    expect(tokens[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('queries and mutations go over HTTP: BAD_REQUEST over the socket', async () => {
    const socket = open({ Authorization: `Bearer ${root}` });
    const err = (await subscribe(socket, '{ policies { totalCount } }').failed) as any[];
    expect(err[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('over HTTP', () => {
  it('a subscription POSTed to /graphql is refused with a clear error, never an internal one', async () => {
    const res = await t.gql('subscription { privacyRequestsChanged { id } }');
    expect(res.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(res.errors?.[0].message).toMatch(/WebSocket|subscription/i);
  });
});

describe('Origin', () => {
  it('a browser origin that CORS refuses cannot open a socket', async () => {
    expect((await open({ Authorization: `Bearer ${root}` }, { origin: 'https://evil.example.com' }).closed).code).toBe(1006);
  });

  it("an origin CORS allows, and the server's own origin, can", async () => {
    for (const origin of ['https://admin.example.com', t.url]) {
      const socket = open({ Authorization: `Bearer ${root}` }, { origin });
      const sub = subscribe(socket, POLICY_WEBHOOKS, { key: 'erasure' });
      await changeUntilSeen(
        sub,
        () => givenWebhooks(t, 'erasure', 'PRE_EXECUTION', [`from_${origin.length}`], 'conn'),
        (r) => r.data?.policyWebhooksChanged.preWebhooks[0]?.key === `from_${origin.length}`,
      );
      await socket.dispose();
    }
  });
});

describe('sockets per process', () => {
  it('more sockets than WS_MAX_SOCKETS: the upgrade is refused', async () => {
    const ok = Array.from({ length: 6 }, () => open({ Authorization: `Bearer ${root}` }));
    for (const s of ok) subscribe(s, POLICY_WEBHOOKS, { key: 'erasure' });
    await new Promise((r) => setTimeout(r, 200));
    const refused = open({ Authorization: `Bearer ${root}` });
    expect((await refused.closed).code).toBe(1006); // the handshake failed (HTTP 503)
    expect(await upgradeStatus()).toBe(503);
    await Promise.all(sockets.splice(0).map((s) => s.dispose()));
  });
});
