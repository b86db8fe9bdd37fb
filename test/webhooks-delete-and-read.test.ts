import {
  createConnection,
  createPolicy,
  DELETE_WEBHOOK,
  givenWebhooks,
  phaseKeys,
  phaseRows,
  setWebhooks,
  type Phase,
} from './support/config-fixtures';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createConnection(t, 'hook_a');
});
afterAll(() => t.close());

const PRE: Phase = 'PRE_EXECUTION';
const POST: Phase = 'POST_EXECUTION';
let policy: string;
let n = 0;
beforeEach(async () => {
  policy = `policy_${++n}`;
  await createPolicy(t, policy);
});

const deleteWebhook = (key: string, phase: Phase = PRE, policyKey = policy) => t.gql(DELETE_WEBHOOK, { policyKey, phase, key });

describe('deleteWebhook', () => {
  it('removes the webhook and closes the gap, answering the new order', async () => {
    await givenWebhooks(t, policy, PRE, ['a', 'b', 'c', 'd'], 'hook_a');
    const res = dataOf(await deleteWebhook('b')).deleteWebhook;
    expect(res.newOrder).toEqual([
      { key: 'a', order: 0 },
      { key: 'c', order: 1 },
      { key: 'd', order: 2 },
    ]);
    expect((await phaseRows(t, policy, PRE)).map((r) => [r.key, r.position])).toEqual([
      ['a', 0],
      ['c', 1],
      ['d', 2],
    ]);
  });

  it('closes the gap when the first one goes', async () => {
    await givenWebhooks(t, policy, PRE, ['a', 'b', 'c'], 'hook_a');
    expect(dataOf(await deleteWebhook('a')).deleteWebhook.newOrder).toEqual([
      { key: 'b', order: 0 },
      { key: 'c', order: 1 },
    ]);
  });

  it('answers newOrder [] when it was the last one', async () => {
    await givenWebhooks(t, policy, PRE, ['a', 'b', 'c'], 'hook_a');
    expect(dataOf(await deleteWebhook('c')).deleteWebhook.newOrder).toEqual([]);
    expect(await phaseKeys(t, policy, PRE)).toEqual(['a', 'b']);
  });

  it('answers newOrder [] when it was the only one', async () => {
    await givenWebhooks(t, policy, PRE, ['a'], 'hook_a');
    expect(dataOf(await deleteWebhook('a')).deleteWebhook.newOrder).toEqual([]);
    expect(await phaseKeys(t, policy, PRE)).toEqual([]);
  });

  it('leaves the same key in the other phase and on other policies', async () => {
    await createPolicy(t, `${policy}_other`);
    await givenWebhooks(t, policy, PRE, ['a', 'b'], 'hook_a');
    await givenWebhooks(t, policy, POST, ['a', 'b'], 'hook_a');
    await givenWebhooks(t, `${policy}_other`, PRE, ['a', 'b'], 'hook_a');
    const post = await phaseRows(t, policy, POST);
    const other = await phaseRows(t, `${policy}_other`, PRE);
    dataOf(await deleteWebhook('a'));
    expect(await phaseRows(t, policy, POST)).toEqual(post);
    expect(await phaseRows(t, `${policy}_other`, PRE)).toEqual(other);
  });

  it('answers NOT_FOUND for an unknown webhook and changes nothing', async () => {
    await givenWebhooks(t, policy, PRE, ['a', 'b'], 'hook_a');
    await givenWebhooks(t, policy, POST, ['only_post'], 'hook_a');
    const before = await phaseRows(t, policy, PRE);
    expect(errorCode(await deleteWebhook('nope'))).toBe('NOT_FOUND');
    expect(errorCode(await deleteWebhook('only_post'))).toBe('NOT_FOUND');
    expect(errorCode(await deleteWebhook('a', PRE, 'no_such_policy'))).toBe('NOT_FOUND');
    expect(await phaseRows(t, policy, PRE)).toEqual(before);
  });
});

describe('reading webhooks', () => {
  const POLICY = `query($k: String!) { policy(key: $k) { preWebhooks { key order phase } postWebhooks { key order phase } } }`;

  it('Policy.preWebhooks and postWebhooks are sorted by order', async () => {
    await givenWebhooks(t, policy, PRE, ['z', 'a', 'm'], 'hook_a');
    await givenWebhooks(t, policy, POST, ['b', 'y'], 'hook_a');
    // Reverse the physical insertion order relative to the logical order.
    await t.gql(
      `mutation($p: String!) { patchWebhook(policyKey: $p, phase: PRE_EXECUTION, key: "m", patch: { order: 0 }) { newOrder { key } } }`,
      { p: policy },
    );
    const read = dataOf(await t.gql(POLICY, { k: policy })).policy;
    expect(read.preWebhooks).toEqual([
      { key: 'm', order: 0, phase: 'PRE_EXECUTION' },
      { key: 'z', order: 1, phase: 'PRE_EXECUTION' },
      { key: 'a', order: 2, phase: 'PRE_EXECUTION' },
    ]);
    expect(read.postWebhooks).toEqual([
      { key: 'b', order: 0, phase: 'POST_EXECUTION' },
      { key: 'y', order: 1, phase: 'POST_EXECUTION' },
    ]);
  });

  const WEBHOOK = `query($p: String!, $phase: WebhookPhase!, $k: String!) {
    webhook(policyKey: $p, phase: $phase, key: $k) { key phase order policy { key } connectionConfig { key } }
  }`;

  it('webhook(policyKey, phase, key) finds the webhook', async () => {
    await givenWebhooks(t, policy, POST, ['a', 'b'], 'hook_a');
    expect(dataOf(await t.gql(WEBHOOK, { p: policy, phase: POST, k: 'b' })).webhook).toEqual({
      key: 'b',
      phase: POST,
      order: 1,
      policy: { key: policy },
      connectionConfig: { key: 'hook_a' },
    });
  });

  it('webhook(...) is null when absent, also when the key exists in the other phase or on another policy', async () => {
    await createPolicy(t, `${policy}_other`);
    await givenWebhooks(t, `${policy}_other`, PRE, ['elsewhere'], 'hook_a');
    await givenWebhooks(t, policy, POST, ['post_only'], 'hook_a');
    expect(dataOf(await t.gql(WEBHOOK, { p: policy, phase: PRE, k: 'nope' })).webhook).toBeNull();
    expect(dataOf(await t.gql(WEBHOOK, { p: policy, phase: PRE, k: 'elsewhere' })).webhook).toBeNull();
    expect(dataOf(await t.gql(WEBHOOK, { p: policy, phase: PRE, k: 'post_only' })).webhook).toBeNull();
    expect(dataOf(await t.gql(WEBHOOK, { p: 'no_such_policy', phase: PRE, k: 'elsewhere' })).webhook).toBeNull();
  });
});

describe('deleteConnectionConfig', () => {
  const DELETE = `mutation($k: String!) { deleteConnectionConfig(key: $k) }`;

  it('answers CONFLICT naming the webhooks while they reference it, and works once they are gone', async () => {
    await createConnection(t, 'in_use');
    await givenWebhooks(t, policy, PRE, ['uses_it', 'also_uses_it'], 'in_use');
    await givenWebhooks(t, policy, POST, ['post_user'], 'in_use');

    const refused = await t.gql(DELETE, { k: 'in_use' });
    expect(errorCode(refused)).toBe('CONFLICT');
    for (const key of ['uses_it', 'also_uses_it', 'post_user']) expect(refused.errors![0].message).toContain(key);
    expect(dataOf(await t.gql(`{ connectionConfig(key: "in_use") { key } }`)).connectionConfig).toEqual({ key: 'in_use' });

    dataOf(await setWebhooks(t, policy, PRE, []));
    expect(errorCode(await t.gql(DELETE, { k: 'in_use' }))).toBe('CONFLICT');
    dataOf(await deleteWebhook('post_user', POST));
    expect(dataOf(await t.gql(DELETE, { k: 'in_use' })).deleteConnectionConfig).toBe(true);
    expect(dataOf(await t.gql(`{ connectionConfig(key: "in_use") { key } }`)).connectionConfig).toBeNull();
  });

  it('answers NOT_FOUND for an unknown key', async () => {
    expect(errorCode(await t.gql(DELETE, { k: 'never_was' }))).toBe('NOT_FOUND');
  });
});
