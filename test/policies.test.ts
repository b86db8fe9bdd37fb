import { createConnection, createPolicy, givenWebhooks, UPSERT_POLICIES } from './support/config-fixtures';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createConnection(t, 'hook');
});
afterAll(() => t.close());

const upsert = (input: object[]) => t.gql(UPSERT_POLICIES, { input });
const policyByKey = async (key: string) => dataOf(await t.gql(`query($k: String!) { policy(key: $k) { id key name } }`, { k: key })).policy;

describe('upsertPolicies', () => {
  it('derives the key from the name when no key is given', async () => {
    const [p] = dataOf(await upsert([{ name: 'Wake up Snowflake DB' }])).upsertPolicies;
    expect(p).toMatchObject({ key: 'wake_up_snowflake_db', name: 'Wake up Snowflake DB' });
    expect(new Date(p.createdAt).toISOString()).toBe(p.createdAt);
  });

  it('updates by key in place, keeping the id', async () => {
    const [first] = dataOf(await upsert([{ key: 'gdpr', name: 'GDPR' }])).upsertPolicies;
    const [second] = dataOf(await upsert([{ key: 'gdpr', name: 'GDPR erasure' }])).upsertPolicies;
    expect(second).toMatchObject({ id: first.id, key: 'gdpr', name: 'GDPR erasure' });
    expect(await policyByKey('gdpr')).toEqual({ id: first.id, key: 'gdpr', name: 'GDPR erasure' });
  });

  it('returns the policies in input order, creating and updating in one call', async () => {
    dataOf(await upsert([{ key: 'mixed_old', name: 'Mixed old' }]));
    const res = dataOf(
      await upsert([
        { key: 'mixed_new', name: 'Mixed new' },
        { key: 'mixed_old', name: 'Mixed old 2' },
      ]),
    ).upsertPolicies;
    expect(res.map((p: any) => p.key)).toEqual(['mixed_new', 'mixed_old']);
  });

  it('rejects duplicate keys inside one call (explicit and derived) and saves nothing', async () => {
    const res = await upsert([{ key: 'dup_policy', name: 'First' }, { name: 'Dup Policy' }]);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('dup_policy');
    expect(await policyByKey('dup_policy')).toBeNull();
  });

  it('rejects duplicate names inside one call and saves nothing', async () => {
    const res = await upsert([
      { key: 'same_1', name: 'Same name' },
      { key: 'same_2', name: 'Same name' },
    ]);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(await policyByKey('same_1')).toBeNull();
  });

  it('answers CONFLICT for a name another policy uses, naming it, and saves none of the batch', async () => {
    dataOf(await upsert([{ key: 'owner', name: 'Taken' }]));
    const res = await upsert([
      { key: 'innocent', name: 'Innocent' },
      { key: 'thief', name: 'Taken' },
    ]);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain('owner');
    expect(await policyByKey('innocent')).toBeNull();
    expect(await policyByKey('owner')).toMatchObject({ name: 'Taken' });
  });

  it('lets two policies swap names in one call (deferred unique constraint)', async () => {
    dataOf(
      await upsert([
        { key: 'swap_a', name: 'Swap A' },
        { key: 'swap_b', name: 'Swap B' },
      ]),
    );
    const res = dataOf(
      await upsert([
        { key: 'swap_a', name: 'Swap B' },
        { key: 'swap_b', name: 'Swap A' },
      ]),
    ).upsertPolicies;
    expect(res.map((p: any) => p.name)).toEqual(['Swap B', 'Swap A']);
  });

  it('accepts 50 items and refuses 51, saving none of them', async () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `bulk_${n}_${i}`, name: `Bulk ${n} ${i}` }));
    expect(dataOf(await upsert(items(50))).upsertPolicies).toHaveLength(50);
    const res = await upsert(items(51));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(await policyByKey('bulk_51_0')).toBeNull();
  });

  it.each([['has space'], ['ümlaut'], [''], ['x'.repeat(201)]])('rejects the key %j', async (key) => {
    expect(errorCode(await upsert([{ key, name: `Key test ${key.length}` }]))).toBe('BAD_USER_INPUT');
  });

  it.each([[''], ['   '], ['!!!'], ['n'.repeat(201)]])('rejects the name %j when no key is given', async (name) => {
    expect(errorCode(await upsert([{ name }]))).toBe('BAD_USER_INPUT');
  });

  it('answers CONFLICT, never an internal error, when concurrent calls create the same name under different keys', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => upsert([{ key: `racer_${i}`, name: 'Raced name' }])));
    const codes = results.map((r) => errorCode(r) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
  });

  it('answers CONFLICT or succeeds, never an internal error, when concurrent calls create the same key', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => upsert([{ key: 'raced_key', name: `Raced key ${i}` }])));
    for (const r of results) expect(['OK', 'CONFLICT']).toContain(errorCode(r) ?? 'OK');
    expect(results.some((r) => !r.errors)).toBe(true);
    expect(await t.sql(`select count(*)::int as n from policy where key = 'raced_key'`)).toEqual([{ n: 1 }]);
  });
});

describe('deletePolicy', () => {
  const DELETE = `mutation($k: String!) { deletePolicy(key: $k) }`;

  it('removes the policy and its webhooks of both phases, leaving other policies alone', async () => {
    await createPolicy(t, 'doomed');
    await createPolicy(t, 'survivor');
    await givenWebhooks(t, 'doomed', 'PRE_EXECUTION', ['a', 'b'], 'hook');
    await givenWebhooks(t, 'doomed', 'POST_EXECUTION', ['c'], 'hook');
    await givenWebhooks(t, 'survivor', 'PRE_EXECUTION', ['a'], 'hook');
    const { id } = await policyByKey('doomed');

    expect(dataOf(await t.gql(DELETE, { k: 'doomed' })).deletePolicy).toBe(true);
    expect(await policyByKey('doomed')).toBeNull();
    expect(await t.sql('select count(*)::int as n from policy_webhook where policy_id = ?', [id])).toEqual([{ n: 0 }]);
    const survivor = dataOf(await t.gql(`{ policy(key: "survivor") { preWebhooks { key } } }`)).policy;
    expect(survivor.preWebhooks).toEqual([{ key: 'a' }]);
  });

  it('answers NOT_FOUND for an unknown key', async () => {
    const res = await t.gql(DELETE, { k: 'never_existed' });
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors![0].message).toContain('never_existed');
  });
});

describe('reading policies', () => {
  it('policy(key) is null when absent', async () => {
    expect(await policyByKey('absent_policy')).toBeNull();
  });

  it('pages through all policies in key order with cursors and a total count', async () => {
    dataOf(await upsert(Array.from({ length: 12 }, (_, i) => ({ key: `page_${String(i).padStart(2, '0')}`, name: `Page ${i}` }))));
    const [{ n }] = await t.sql('select count(*)::int as n from policy');
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = dataOf(
        await t.gql(
          `query($after: String) { policies(first: 5, after: $after) { totalCount edges { cursor node { key } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        ),
      ).policies;
      expect(page.totalCount).toBe(n);
      expect(page.edges.length).toBeLessThanOrEqual(5);
      if (page.edges.length) expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
      seen.push(...page.edges.map((e: any) => e.node.key));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    expect([...seen].sort()).toEqual(seen);
  });

  it('answers an empty last page with hasNextPage false', async () => {
    const res = dataOf(await t.gql(`{ policies(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`)).policies;
    expect(res.edges).toEqual([]);
    expect(res.pageInfo).toEqual({ hasNextPage: res.totalCount > 0, endCursor: null });
  });

  it.each([[-1], [201]])('rejects first: %p with BAD_USER_INPUT', async (first) => {
    expect(errorCode(await t.gql(`query($f: Int) { policies(first: $f) { totalCount } }`, { f: first }))).toBe('BAD_USER_INPUT');
  });

  it('rejects a cursor it did not issue with BAD_USER_INPUT', async () => {
    expect(errorCode(await t.gql(`{ policies(after: "not-a-cursor!") { totalCount } }`))).toBe('BAD_USER_INPUT');
  });
});
