import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

// The read path the benchmark loads: a constant number of statements, each webhook with its own
// connection, and errors that keep their codes through the compiled executor.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.gql(`mutation($input: [ConnectionConfigInput!]!) { upsertConnectionConfigs(input: $input) { key } }`, {
    input: ['alpha', 'beta', 'gamma'].map((key) => ({ key, name: key, connectionType: 'HTTPS', access: 'WRITE' })),
  });
});
afterAll(() => t.close());

const READ = `{ policies(first: 100) { edges { node { key name
  preWebhooks { key order direction connectionConfig { key name } }
  postWebhooks { key order connectionConfig { key } } } } } }`;

const CONNECTIONS = ['alpha', 'beta', 'gamma'];

/** Policies p-<from>..p-<to-1>, policy i with i+1 pre- and i post-execution webhooks. */
async function addPolicies(from: number, to: number) {
  const keys = Array.from({ length: to - from }, (_, i) => `p-${from + i}`);
  dataOf(
    await t.gql(`mutation($input: [PolicyInput!]!) { upsertPolicies(input: $input) { key } }`, {
      input: keys.map((key) => ({ key, name: key })),
    }),
  );
  for (const [i, key] of keys.entries()) {
    for (const [mutation, count] of [
      ['setPreWebhooks', from + i + 1],
      ['setPostWebhooks', from + i],
    ] as const) {
      const webhooks = Array.from({ length: count }, (_, n) => ({
        key: `${mutation === 'setPreWebhooks' ? 'pre' : 'post'}-${n}`,
        direction: n % 2 ? 'TWO_WAY' : 'ONE_WAY',
        connectionConfigKey: CONNECTIONS[(n + i) % CONNECTIONS.length],
      }));
      dataOf(
        await t.gql(`mutation($p: String!, $w: [WebhookInput!]!) { ${mutation}(policyKey: $p, webhooks: $w) { key } }`, {
          p: key,
          w: webhooks,
        }),
      );
    }
  }
}

describe('reading policies with their webhooks', () => {
  it('costs the same few statements for 2 policies and for 8 with more webhooks', async () => {
    await addPolicies(0, 2);
    const small = await t.countStatements(() => t.gql(READ));
    await addPolicies(2, 8);
    const large = await t.countStatements(() => t.gql(READ));
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(5);
  });

  it('gives every webhook its own connection, in order', async () => {
    const { policies } = dataOf(await t.gql(READ));
    const p5 = policies.edges.find((e: any) => e.node.key === 'p-5').node;
    const expected = Array.from({ length: 6 }, (_, n) => CONNECTIONS[(n + 3) % 3]);
    expect(p5.preWebhooks.map((w: any) => w.order)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(p5.preWebhooks.map((w: any) => w.connectionConfig)).toEqual(expected.map((key) => ({ key, name: key })));
    expect(p5.preWebhooks[1].direction).toBe('TWO_WAY');
    expect(p5.postWebhooks.map((w: any) => w.connectionConfig.key)).toEqual(expected.slice(0, 5));
  });

  it('loads the connection of a webhook read on its own', async () => {
    const res = await t.gql(
      `{ webhook(policyKey: "p-1", phase: PRE_EXECUTION, key: "pre-1") { key connectionConfig { key } policy { key } } }`,
    );
    expect(dataOf(res).webhook).toEqual({ key: 'pre-1', connectionConfig: { key: 'gamma' }, policy: { key: 'p-1' } });
  });
});

describe('errors through the compiled executor', () => {
  it('answers 400 BAD_USER_INPUT for a variable of the wrong type', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($f: Int) { policies(first: $f) { totalCount } }', variables: { f: 'ten' } }),
    });
    expect(res.status).toBe(400);
    expect(errorCode(await res.json())).toBe('BAD_USER_INPUT');
  });

  it("keeps a domain error's code and message", async () => {
    const res = await t.gql(
      `mutation($p: WebhookPhase!) { patchWebhook(policyKey: "p-1", phase: $p, key: "pre-0", patch: { order: 7 }) { newOrder { key } } }`,
      { p: 'PRE_EXECUTION' },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/order 7 is out of range/);
    expect(errorCode(await t.gql(`{ webhook(policyKey: "p-1", phase: PRE_EXECUTION, key: "nope") { key } }`))).toBeUndefined();
    expect(errorCode(await t.gql(`mutation { deletePolicy(key: "nope") }`))).toBe('NOT_FOUND');
  });

  it('moves a webhook first to last in one call, answering the new order', async () => {
    const res = await t.gql(
      `mutation { patchWebhook(policyKey: "p-3", phase: PRE_EXECUTION, key: "pre-0", patch: { order: 3 }) { resource { key order } newOrder { key order } } }`,
    );
    expect(dataOf(res).patchWebhook).toEqual({
      resource: { key: 'pre-0', order: 3 },
      newOrder: ['pre-1', 'pre-2', 'pre-3', 'pre-0'].map((key, order) => ({ key, order })),
    });
  });
});
