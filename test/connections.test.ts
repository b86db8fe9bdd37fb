import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const UPSERT = `mutation($input: [ConnectionConfigInput!]!) {
  upsertConnectionConfigs(input: $input) { id key name connectionType access disabled description hasSecrets createdAt updatedAt }
}`;

describe('upsertConnectionConfigs', () => {
  it('derives the key from the name when no key is given', async () => {
    const res = await t.gql(UPSERT, { input: [{ name: 'Wake up Snowflake DB', connectionType: 'HTTPS', access: 'READ' }] });
    const [c] = dataOf(res).upsertConnectionConfigs;
    expect(c).toMatchObject({ key: 'wake_up_snowflake_db', name: 'Wake up Snowflake DB', disabled: false, hasSecrets: false });
    expect(new Date(c.createdAt).toISOString()).toBe(c.createdAt);
  });

  it('updates by key in place, keeping the id', async () => {
    const first = dataOf(await t.gql(UPSERT, { input: [{ key: 'crm', name: 'CRM', connectionType: 'HTTPS', access: 'READ' }] }));
    const second = dataOf(
      await t.gql(UPSERT, {
        input: [{ key: 'crm', name: 'CRM v2', connectionType: 'HTTPS', access: 'WRITE', description: 'the CRM' }],
      }),
    );
    expect(second.upsertConnectionConfigs[0]).toMatchObject({
      id: first.upsertConnectionConfigs[0].id,
      name: 'CRM v2',
      access: 'WRITE',
      description: 'the CRM',
    });
  });

  it('rejects duplicate keys inside one call and saves nothing', async () => {
    const res = await t.gql(UPSERT, {
      input: [
        { key: 'dup_a', name: 'Dup A', connectionType: 'HTTPS', access: 'READ' },
        { name: 'dup a', connectionType: 'HTTPS', access: 'READ' },
      ],
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(dataOf(await t.gql('{ connectionConfig(key: "dup_a") { key } }')).connectionConfig).toBeNull();
  });

  it('rejects duplicate names inside one call', async () => {
    const res = await t.gql(UPSERT, {
      input: [
        { key: 'n1', name: 'Same', connectionType: 'HTTPS', access: 'READ' },
        { key: 'n2', name: 'Same', connectionType: 'HTTPS', access: 'READ' },
      ],
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('answers CONFLICT for a name another connection uses, and saves none of the batch', async () => {
    dataOf(await t.gql(UPSERT, { input: [{ key: 'owner', name: 'Taken Name', connectionType: 'HTTPS', access: 'READ' }] }));
    const res = await t.gql(UPSERT, {
      input: [
        { key: 'fresh_one', name: 'Fresh', connectionType: 'HTTPS', access: 'READ' },
        { key: 'thief', name: 'Taken Name', connectionType: 'HTTPS', access: 'READ' },
      ],
    });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain('owner');
    expect(dataOf(await t.gql('{ connectionConfig(key: "fresh_one") { key } }')).connectionConfig).toBeNull();
  });

  it('lets two connections swap names in one call', async () => {
    dataOf(
      await t.gql(UPSERT, {
        input: [
          { key: 'swap_a', name: 'Swap A', connectionType: 'HTTPS', access: 'READ' },
          { key: 'swap_b', name: 'Swap B', connectionType: 'HTTPS', access: 'READ' },
        ],
      }),
    );
    const res = dataOf(
      await t.gql(UPSERT, {
        input: [
          { key: 'swap_a', name: 'Swap B', connectionType: 'HTTPS', access: 'READ' },
          { key: 'swap_b', name: 'Swap A', connectionType: 'HTTPS', access: 'READ' },
        ],
      }),
    );
    expect(res.upsertConnectionConfigs.map((c: any) => c.name)).toEqual(['Swap B', 'Swap A']);
  });

  it('accepts 50 items and refuses 51', async () => {
    const items = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ key: `bulk_${n}_${i}`, name: `Bulk ${n} ${i}`, connectionType: 'HTTPS', access: 'READ' }));
    expect(dataOf(await t.gql(UPSERT, { input: items(50) })).upsertConnectionConfigs).toHaveLength(50);
    const res = await t.gql(UPSERT, { input: items(51) });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(dataOf(await t.gql('{ connectionConfig(key: "bulk_51_0") { key } }')).connectionConfig).toBeNull();
  });

  it.each([['has space'], ['ümlaut'], [''], ['x'.repeat(201)]])('rejects the key %j', async (key) => {
    const res = await t.gql(UPSERT, { input: [{ key, name: `Key test ${key.length}`, connectionType: 'HTTPS', access: 'READ' }] });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('rejects a name from which no key can be derived', async () => {
    const res = await t.gql(UPSERT, { input: [{ name: '!!!', connectionType: 'HTTPS', access: 'READ' }] });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('rejects an unknown enum value with BAD_USER_INPUT', async () => {
    const res = await t.gql(UPSERT, { input: [{ name: 'Enum test', connectionType: 'FTP', access: 'READ' }] });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});

describe('reading connections', () => {
  it('returns null for an absent key', async () => {
    expect(dataOf(await t.gql('{ connectionConfig(key: "nope") { key } }')).connectionConfig).toBeNull();
  });

  it('pages through all connections with cursors and a total count', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total: number;
    for (;;) {
      const page: any = dataOf(
        await t.gql(
          `query($after: String) { connectionConfigs(first: 7, after: $after) { totalCount edges { cursor node { key } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        ),
      ).connectionConfigs;
      total = page.totalCount;
      seen.push(...page.edges.map((e: any) => e.node.key));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
  });

  it('rejects a cursor it did not issue', async () => {
    const res = await t.gql('{ connectionConfigs(after: "garbage!") { totalCount } }');
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});
