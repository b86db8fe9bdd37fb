import { createConnection, createPolicy, givenWebhooks, patchWebhook, phaseKeys, phaseRows, type Phase } from './support/config-fixtures';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createConnection(t, 'hook_a');
  await createConnection(t, 'hook_b');
  await createConnection(t, 'warehouse', 'POSTGRES');
});
afterAll(() => t.close());

const PRE: Phase = 'PRE_EXECUTION';
const FIVE = ['w0', 'w1', 'w2', 'w3', 'w4'];
let policy: string;
let n = 0;
beforeEach(async () => {
  policy = `patch_${++n}`;
  await createPolicy(t, policy);
  await givenWebhooks(t, policy, PRE, FIVE, 'hook_a');
});

const orderOf = (keys: string[]) => keys.map((key, order) => ({ key, order }));

describe('patchWebhook moves a webhook by taking it out and inserting it at the new order', () => {
  it.each([
    ['4 to 2 (the issue example)', 'w4', 2, ['w0', 'w1', 'w4', 'w2', 'w3']],
    ['up: 3 to 1', 'w3', 1, ['w0', 'w3', 'w1', 'w2', 'w4']],
    ['down: 1 to 3', 'w1', 3, ['w0', 'w2', 'w3', 'w1', 'w4']],
    ['first to last', 'w0', 4, ['w1', 'w2', 'w3', 'w4', 'w0']],
    ['last to first', 'w4', 0, ['w4', 'w0', 'w1', 'w2', 'w3']],
    ['to a neighbour: 2 to 3', 'w2', 3, ['w0', 'w1', 'w3', 'w2', 'w4']],
  ])('%s', async (_label, key, order, expected) => {
    const res = dataOf(await patchWebhook(t, policy, PRE, key, { order })).patchWebhook;
    expect(res.resource).toMatchObject({ key, order });
    expect(res.newOrder).toEqual(orderOf(expected));
    expect(await phaseKeys(t, policy, PRE)).toEqual(expected);
    const read = dataOf(await t.gql(`query($k: String!) { policy(key: $k) { preWebhooks { key order } } }`, { k: policy }));
    expect(read.policy.preWebhooks).toEqual(orderOf(expected));
  });

  it('to its own place changes nothing and answers newOrder []', async () => {
    const before = await phaseRows(t, policy, PRE);
    const res = dataOf(await patchWebhook(t, policy, PRE, 'w2', { order: 2 })).patchWebhook;
    expect(res.newOrder).toEqual([]);
    expect(res.resource).toMatchObject({ key: 'w2', order: 2 });
    expect((await phaseRows(t, policy, PRE)).map((r) => [r.id, r.key, r.position])).toEqual(before.map((r) => [r.id, r.key, r.position]));
  });

  it('keeps the ids of all moved webhooks', async () => {
    const before = await phaseRows(t, policy, PRE);
    dataOf(await patchWebhook(t, policy, PRE, 'w0', { order: 4 }));
    const idByKey = (rows: any[]) => Object.fromEntries(rows.map((r) => [r.key, r.id]));
    expect(idByKey(await phaseRows(t, policy, PRE))).toEqual(idByKey(before));
  });
});

describe('patchWebhook updates fields', () => {
  it('changes name, direction, connection and order together', async () => {
    const res = dataOf(
      await patchWebhook(t, policy, PRE, 'w1', {
        name: 'Renamed',
        direction: 'TWO_WAY',
        connectionConfigKey: 'hook_b',
        order: 0,
      }),
    ).patchWebhook;
    expect(res.resource).toMatchObject({
      key: 'w1',
      name: 'Renamed',
      direction: 'TWO_WAY',
      order: 0,
      connectionConfig: { key: 'hook_b' },
      policy: { key: policy },
    });
    expect(res.newOrder).toEqual(orderOf(['w1', 'w0', 'w2', 'w3', 'w4']));
    const read = dataOf(
      await t.gql(
        `query($p: String!) { webhook(policyKey: $p, phase: PRE_EXECUTION, key: "w1") { name direction order connectionConfig { key } } }`,
        { p: policy },
      ),
    );
    expect(read.webhook).toEqual({ name: 'Renamed', direction: 'TWO_WAY', order: 0, connectionConfig: { key: 'hook_b' } });
  });

  it('answers newOrder [] when only fields change', async () => {
    const res = dataOf(await patchWebhook(t, policy, PRE, 'w3', { name: 'Only the name' })).patchWebhook;
    expect(res.newOrder).toEqual([]);
    expect(res.resource).toMatchObject({ key: 'w3', name: 'Only the name', order: 3 });
  });

  it('leaves fields that are not in the patch as they were', async () => {
    dataOf(await patchWebhook(t, policy, PRE, 'w3', { direction: 'TWO_WAY' }));
    const res = dataOf(await patchWebhook(t, policy, PRE, 'w3', { order: 1 })).patchWebhook;
    expect(res.resource).toMatchObject({ key: 'w3', name: 'w3', direction: 'TWO_WAY', connectionConfig: { key: 'hook_a' } });
  });

  it('accepts the name the webhook already has', async () => {
    const res = dataOf(await patchWebhook(t, policy, PRE, 'w3', { name: 'w3', order: 0 })).patchWebhook;
    expect(res.resource).toMatchObject({ key: 'w3', name: 'w3', order: 0 });
  });

  it('may take a name that a webhook of the other phase or of another policy holds', async () => {
    await givenWebhooks(t, policy, 'POST_EXECUTION', ['elsewhere'], 'hook_a');
    const res = dataOf(await patchWebhook(t, policy, PRE, 'w3', { name: 'elsewhere' })).patchWebhook;
    expect(res.resource.name).toBe('elsewhere');
  });
});

describe('patchWebhook refuses and changes nothing, not even the name,', () => {
  let before: unknown[];
  beforeEach(async () => {
    before = await phaseRows(t, policy, PRE);
  });
  afterEach(async () => {
    expect(await phaseRows(t, policy, PRE)).toEqual(before);
  });

  it.each([[-1], [5], [6], [2147483647]])('for order %p (outside 0..4) with BAD_USER_INPUT', async (order) => {
    const res = await patchWebhook(t, policy, PRE, 'w1', { name: 'Should not stick', direction: 'TWO_WAY', order });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/0\.\.4/);
  });

  it.each([[2147483648], [1e12], [1.5], ['2']])('for order %p (not an Int) with BAD_USER_INPUT', async (order) => {
    const res = await patchWebhook(t, policy, PRE, 'w1', { name: 'Should not stick', order });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('for an unknown webhook key with NOT_FOUND', async () => {
    const res = await patchWebhook(t, policy, PRE, 'nope', { name: 'x' });
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors![0].message).toContain('nope');
  });

  it('for a key that exists only in the other phase with NOT_FOUND', async () => {
    await givenWebhooks(t, policy, 'POST_EXECUTION', ['post_only'], 'hook_a');
    const res = await patchWebhook(t, policy, PRE, 'post_only', { name: 'x' });
    expect(errorCode(res)).toBe('NOT_FOUND');
  });

  it('for an unknown policy with NOT_FOUND', async () => {
    const res = await patchWebhook(t, 'no_policy', PRE, 'w1', { name: 'x' });
    expect(errorCode(res)).toBe('NOT_FOUND');
  });

  it('for a name another webhook of the phase holds with CONFLICT', async () => {
    const res = await patchWebhook(t, policy, PRE, 'w1', { name: 'w2', order: 0 });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain('w2');
  });

  it('for an unknown connectionConfigKey with NOT_FOUND', async () => {
    const res = await patchWebhook(t, policy, PRE, 'w1', { name: 'x', order: 0, connectionConfigKey: 'nowhere' });
    expect(errorCode(res)).toBe('NOT_FOUND');
  });

  it('for an empty connectionConfigKey with NOT_FOUND', async () => {
    const res = await patchWebhook(t, policy, PRE, 'w1', { name: 'x', connectionConfigKey: '' });
    expect(errorCode(res)).toBe('NOT_FOUND');
  });

  it('for a connection that is not HTTPS with BAD_USER_INPUT', async () => {
    const res = await patchWebhook(t, policy, PRE, 'w1', { name: 'x', order: 0, connectionConfigKey: 'warehouse' });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('for an empty name with BAD_USER_INPUT', async () => {
    const res = await patchWebhook(t, policy, PRE, 'w1', { name: '   ', order: 0 });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});
