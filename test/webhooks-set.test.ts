import { createConnection, createPolicy, givenWebhooks, phaseKeys, phaseRows, setWebhooks, type Phase } from './support/config-fixtures';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createConnection(t, 'hook_a');
  await createConnection(t, 'hook_b');
  await createConnection(t, 'warehouse', 'POSTGRES');
});
afterAll(() => t.close());

const hook = (key: string, extra: object = {}) => ({ key, direction: 'ONE_WAY', connectionConfigKey: 'hook_a', ...extra });

describe.each<[string, Phase, 'setPreWebhooks' | 'setPostWebhooks']>([
  ['setPreWebhooks', 'PRE_EXECUTION', 'setPreWebhooks'],
  ['setPostWebhooks', 'POST_EXECUTION', 'setPostWebhooks'],
])('%s', (_name, phase, field) => {
  let policy: string;
  let n = 0;
  beforeEach(async () => {
    policy = `${phase.toLowerCase()}_${++n}`;
    await createPolicy(t, policy);
  });

  const set = async (webhooks: object[]) => setWebhooks(t, policy, phase, webhooks);

  it('makes the list exactly the phase webhooks, with order = index', async () => {
    const res = dataOf(await set([hook('c'), hook('a', { direction: 'TWO_WAY', connectionConfigKey: 'hook_b' }), hook('b')]));
    expect(res[field].map((w: any) => [w.key, w.order, w.phase, w.direction, w.connectionConfig.key, w.policy.key])).toEqual([
      ['c', 0, phase, 'ONE_WAY', 'hook_a', policy],
      ['a', 1, phase, 'TWO_WAY', 'hook_b', policy],
      ['b', 2, phase, 'ONE_WAY', 'hook_a', policy],
    ]);
    expect(await phaseKeys(t, policy, phase)).toEqual(['c', 'a', 'b']);
  });

  it('removes webhooks of the phase that are not in the list', async () => {
    await givenWebhooks(t, policy, phase, ['a', 'b', 'c'], 'hook_a');
    dataOf(await set([hook('c'), hook('d')]));
    expect(await phaseKeys(t, policy, phase)).toEqual(['c', 'd']);
  });

  it('updates existing keys in place: the id stays, the fields and order change', async () => {
    const before = await givenWebhooks(t, policy, phase, ['a', 'b'], 'hook_a');
    const after = dataOf(await set([hook('b', { name: 'B renamed', direction: 'TWO_WAY', connectionConfigKey: 'hook_b' }), hook('a')]))[
      field
    ];
    expect(after[0]).toMatchObject({
      id: before[1].id,
      key: 'b',
      name: 'B renamed',
      order: 0,
      direction: 'TWO_WAY',
      connectionConfig: { key: 'hook_b' },
    });
    expect(after[1]).toMatchObject({ id: before[0].id, key: 'a', order: 1 });
  });

  it('derives a missing key from the name and a missing name from the key', async () => {
    const res = dataOf(
      await set([
        { name: 'Wake up Snowflake DB', direction: 'ONE_WAY', connectionConfigKey: 'hook_a' },
        { key: 'only_key', direction: 'ONE_WAY', connectionConfigKey: 'hook_a' },
      ]),
    )[field];
    expect(res.map((w: any) => [w.key, w.name])).toEqual([
      ['wake_up_snowflake_db', 'Wake up Snowflake DB'],
      ['only_key', 'only_key'],
    ]);
  });

  it('lets two existing webhooks swap names in one call', async () => {
    dataOf(await set([hook('a', { name: 'First' }), hook('b', { name: 'Second' })]));
    const res = dataOf(await set([hook('a', { name: 'Second' }), hook('b', { name: 'First' })]))[field];
    expect(res.map((w: any) => w.name)).toEqual(['Second', 'First']);
  });

  it("gives a removed webhook's name to a new one in the same call", async () => {
    dataOf(await set([hook('old', { name: 'Shared name' })]));
    const res = dataOf(await set([hook('new', { name: 'Shared name' })]))[field];
    expect(res.map((w: any) => [w.key, w.name])).toEqual([['new', 'Shared name']]);
  });

  it('removes them all for an empty list', async () => {
    await givenWebhooks(t, policy, phase, ['a', 'b'], 'hook_a');
    expect(dataOf(await set([]))[field]).toEqual([]);
    expect(await phaseKeys(t, policy, phase)).toEqual([]);
  });

  it('accepts 50 webhooks', async () => {
    const keys = Array.from({ length: 50 }, (_, i) => `w${i}`);
    expect(dataOf(await set(keys.map((k) => hook(k))))[field]).toHaveLength(50);
    expect(await phaseKeys(t, policy, phase)).toEqual(keys);
  });

  describe('refuses, leaving the phase exactly as before,', () => {
    let before: unknown[];
    beforeEach(async () => {
      await givenWebhooks(t, policy, phase, ['a', 'b', 'c'], 'hook_a');
      before = await phaseRows(t, policy, phase);
    });
    afterEach(async () => {
      expect(await phaseRows(t, policy, phase)).toEqual(before);
    });

    it('more than 50 webhooks with BAD_USER_INPUT', async () => {
      const res = await set(Array.from({ length: 51 }, (_, i) => hook(`w${i}`)));
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/50/);
    });

    it('an unknown policy with NOT_FOUND', async () => {
      const res = await setWebhooks(t, 'no_such_policy', phase, [hook('a')]);
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors![0].message).toContain('no_such_policy');
    });

    it('an unknown connectionConfigKey with NOT_FOUND, even after valid items', async () => {
      const res = await set([hook('a', { name: 'Changed' }), hook('x', { connectionConfigKey: 'nowhere' })]);
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors![0].message).toContain('nowhere');
    });

    it('a connection that is not HTTPS with BAD_USER_INPUT', async () => {
      const res = await set([hook('a', { name: 'Changed' }), hook('x', { connectionConfigKey: 'warehouse' })]);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain('warehouse');
    });

    it('two items with the same key with BAD_USER_INPUT', async () => {
      const res = await set([hook('a', { name: 'One' }), hook('a', { name: 'Two' })]);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    });

    it('an explicit key and a key derived from a name that resolve to the same value with BAD_USER_INPUT', async () => {
      const res = await set([
        hook('new_hook', { name: 'Something' }),
        { name: 'New Hook', direction: 'ONE_WAY', connectionConfigKey: 'hook_a' },
      ]);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain('new_hook');
    });

    it('two items with the same name with BAD_USER_INPUT', async () => {
      const res = await set([hook('p', { name: 'Same' }), hook('q', { name: 'Same' })]);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    });

    it("a name equal to another item's defaulted name with BAD_USER_INPUT", async () => {
      const res = await set([hook('p'), hook('q', { name: 'p' })]);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    });

    it('an invalid key with BAD_USER_INPUT', async () => {
      const res = await set([hook('a'), hook('not a key')]);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    });
  });
});

describe('webhook keys are scoped to (policy, phase)', () => {
  it('setting a key on one policy and phase leaves the same key on the other phase and on other policies untouched', async () => {
    await createPolicy(t, 'scope_one');
    await createPolicy(t, 'scope_two');
    await givenWebhooks(t, 'scope_one', 'PRE_EXECUTION', ['shared', 'x'], 'hook_a');
    await givenWebhooks(t, 'scope_one', 'POST_EXECUTION', ['shared'], 'hook_a');
    await givenWebhooks(t, 'scope_two', 'PRE_EXECUTION', ['shared'], 'hook_a');
    const otherPhase = await phaseRows(t, 'scope_one', 'POST_EXECUTION');
    const otherPolicy = await phaseRows(t, 'scope_two', 'PRE_EXECUTION');

    dataOf(
      await setWebhooks(t, 'scope_one', 'PRE_EXECUTION', [hook('x'), hook('shared', { name: 'Renamed', connectionConfigKey: 'hook_b' })]),
    );
    expect(await phaseRows(t, 'scope_one', 'POST_EXECUTION')).toEqual(otherPhase);
    expect(await phaseRows(t, 'scope_two', 'PRE_EXECUTION')).toEqual(otherPolicy);

    dataOf(await setWebhooks(t, 'scope_one', 'PRE_EXECUTION', []));
    expect(await phaseRows(t, 'scope_one', 'POST_EXECUTION')).toEqual(otherPhase);
    expect(await phaseRows(t, 'scope_two', 'PRE_EXECUTION')).toEqual(otherPolicy);
  });
});
