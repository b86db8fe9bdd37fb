import { createConnection, createPolicy, givenWebhooks, patchWebhook, UPSERT_POLICIES } from './support/config-fixtures';
import { dataOf, startTestServer, type TestServer } from './support/server';

/** A reorder and a nested read cost a constant number of SQL statements, whatever the sizes. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  for (const key of ['conn_a', 'conn_b', 'conn_c']) await createConnection(t, key);
});
afterAll(() => t.close());

const keys = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);

async function countPatchFirstToLast(n: number) {
  const policy = `reorder_${n}`;
  await createPolicy(t, policy);
  await givenWebhooks(t, policy, 'PRE_EXECUTION', keys(n), 'conn_a');
  const { count, statements } = await t.countStatements(async () => {
    const res = dataOf(await patchWebhook(t, policy, 'PRE_EXECUTION', 'w0', { order: n - 1 }));
    expect(res.patchWebhook.newOrder).toHaveLength(n);
  });
  expect(dataOf(await t.gql(`{ policy(key: "${policy}") { preWebhooks { key } } }`)).policy.preWebhooks.map((w: any) => w.key)).toEqual([
    ...keys(n).slice(1),
    'w0',
  ]);
  return { count, statements };
}

it('patchWebhook moving the first webhook to the end costs the same statements with 5 and with 50 webhooks', async () => {
  const five = await countPatchFirstToLast(5);
  const fifty = await countPatchFirstToLast(50);
  console.log(
    `patchWebhook first-to-last: ${five.count} SQL statements with 5 webhooks, ${fifty.count} with 50\n  ${fifty.statements.join('\n  ')}`,
  );
  expect(fifty.count).toBe(five.count);
  // The unit of work's flush: every moved webhook in one batched UPDATE.
  expect(fifty.statements.filter((s) => s.startsWith('update "policy_webhook"'))).toHaveLength(1);
});

const POLICIES = `query($first: Int) {
  policies(first: $first) {
    totalCount
    edges { node {
      key name
      preWebhooks { key order direction policy { key } connectionConfig { key name hasSecrets } }
      postWebhooks { key order direction policy { key } connectionConfig { key name hasSecrets } }
    } }
  }
}`;

it('a policies query with webhooks, their policy and connection costs the same statements for 1 and for 50 policies', async () => {
  const items = Array.from({ length: 50 }, (_, i) => ({ key: `p${String(i).padStart(2, '0')}`, name: `Policy ${i}` }));
  dataOf(await t.gql(UPSERT_POLICIES, { input: items }));
  for (const [i, { key }] of items.entries()) {
    await givenWebhooks(t, key, 'PRE_EXECUTION', ['pre_a', 'pre_b'], ['conn_a', 'conn_b', 'conn_c'][i % 3]);
    await givenWebhooks(t, key, 'POST_EXECUTION', ['post_a'], ['conn_c', 'conn_b'][i % 2]);
  }
  await t.sql(`delete from policy where key like 'reorder_%'`);

  const read = async (first: number) => {
    let nodes: any[] = [];
    const counted = await t.countStatements(async () => {
      nodes = dataOf(await t.gql(POLICIES, { first })).policies.edges.map((e: any) => e.node);
    });
    expect(nodes).toHaveLength(first);
    for (const node of nodes) {
      expect(node.preWebhooks.map((w: any) => [w.key, w.order, w.policy.key])).toEqual([
        ['pre_a', 0, node.key],
        ['pre_b', 1, node.key],
      ]);
      expect(node.postWebhooks).toHaveLength(1);
    }
    return counted;
  };
  const one = await read(1);
  const fifty = await read(50);
  console.log(
    `policies query with webhooks, policy and connections: ${one.count} SQL statements for 1 policy, ${fifty.count} for 50\n  ${one.statements.join('\n  ')}`,
  );
  expect(fifty.count).toBe(one.count);
  expect(fifty.count).toBeLessThanOrEqual(5);
});

it('policy(key) with its webhooks, their policy and connections is one statement and answers as the list does', async () => {
  const fields = `key name createdAt updatedAt
    preWebhooks { key order direction required policy { key name } connectionConfig { key name hasSecrets createdAt } }
    postWebhooks { key order direction policy { key } connectionConfig { key connectionType } }`;
  for (const key of ['lookup_a', 'lookup_b']) {
    await createPolicy(t, key);
    await givenWebhooks(t, key, 'PRE_EXECUTION', ['pre_a', 'pre_b'], 'conn_a');
    await givenWebhooks(t, key, 'POST_EXECUTION', ['post_a'], 'conn_c');
  }
  const listed = dataOf(await t.gql(`{ policies(first: 50) { edges { node { ${fields} } } } }`))
    .policies.edges.map((e: any) => e.node)
    .filter((node: any) => node.key.startsWith('lookup_'));
  expect(listed).toHaveLength(2);
  for (const node of listed) {
    const counted = await t.countStatements(async () => {
      expect(dataOf(await t.gql(`query($key: String!) { policy(key: $key) { ${fields} } }`, { key: node.key })).policy).toEqual(node);
    });
    expect(counted.count).toBe(1);
  }
  expect(dataOf(await t.gql(`{ policy(key: "no_such_policy") { key preWebhooks { key } } }`)).policy).toBeNull();
  // A policy without webhooks: empty lists, not null.
  await createPolicy(t, 'bare');
  expect(dataOf(await t.gql(`{ policy(key: "bare") { key preWebhooks { key } postWebhooks { key } } }`)).policy).toEqual({
    key: 'bare',
    preWebhooks: [],
    postWebhooks: [],
  });
});
