import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UPSERT_CONNECTIONS, UPSERT_POLICIES } from './support/config-fixtures';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

// Relay paging, forward (first/after) and backward (last/before), keyset on every list.
let t: TestServer;
const ITEMS = 7;
const requestIds: string[] = []; // newest first, the list's order
beforeAll(async () => {
  t = await startTestServer();
  const keys = Array.from({ length: ITEMS }, (_, i) => `k${i}`);
  dataOf(await t.gql(UPSERT_POLICIES, { input: keys.map((key) => ({ key, name: `${key} name` })) }));
  dataOf(
    await t.gql(UPSERT_CONNECTIONS, { input: keys.map((key) => ({ key, name: `${key} name`, connectionType: 'HTTPS', access: 'READ' })) }),
  );
  for (let i = 0; i < ITEMS; i++) {
    // One at a time, so each has its own created_at; two share one below, to test the id tie-break.
    const { createPrivacyRequests } = dataOf(
      await t.gql('mutation($input: [PrivacyRequestInput!]!) { createPrivacyRequests(input: $input) { id } }', {
        input: [{ policyKey: 'k0', identity: { email: `p${i}@example.com` } }],
      }),
    );
    requestIds.unshift(createPrivacyRequests[0].id);
  }
  await t.sql(`update privacy_request set created_at = (select created_at from privacy_request where id = ?) where id = ?`, [
    requestIds[3],
    requestIds[2],
  ]);
  const tied = [requestIds[2], requestIds[3]].sort().reverse(); // same created_at: id descending
  requestIds.splice(2, 2, ...tied);
  await t.sql(`update privacy_request set status = 'ERROR' where id in (?, ?, ?)`, [requestIds[1], requestIds[4], requestIds[5]]);
});
afterAll(() => t.close());

interface PageOf {
  ids: string[];
  cursors: string[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const LISTS = {
  policies: { node: 'key', all: () => Array.from({ length: ITEMS }, (_, i) => `k${i}`) },
  connectionConfigs: { node: 'key', all: () => Array.from({ length: ITEMS }, (_, i) => `k${i}`) },
  privacyRequests: { node: 'id', all: () => requestIds },
} as const;
type ListName = keyof typeof LISTS;

async function page(list: ListName, args: Record<string, unknown>, extra = ''): Promise<PageOf> {
  const res = await t.gql(
    `query($first: Int, $after: String, $last: Int, $before: String) {
      ${list}(first: $first, after: $after, last: $last, before: $before${extra}) {
        totalCount edges { cursor node { ${LISTS[list].node} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`,
    args,
  );
  const connection = dataOf(res)[list];
  return {
    ids: connection.edges.map((e: any) => e.node[LISTS[list].node]),
    cursors: connection.edges.map((e: any) => e.cursor),
    pageInfo: connection.pageInfo,
    totalCount: connection.totalCount,
  };
}

describe.each(Object.keys(LISTS) as ListName[])('%s', (list) => {
  const all = () => LISTS[list].all();

  it('pages forward with first/after: every item once, in order, with both flags right', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; ; n++) {
      const p: PageOf = await page(list, { first: 3, after });
      expect(p.totalCount).toBe(ITEMS);
      expect(p.pageInfo).toEqual({
        hasNextPage: seen.length + p.ids.length < ITEMS,
        hasPreviousPage: n > 0,
        startCursor: p.cursors[0],
        endCursor: p.cursors[p.cursors.length - 1],
      });
      seen.push(...p.ids);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(all());
  });

  it('pages backward with last/before: every item once, each page in list order, with both flags right', async () => {
    const seen: string[] = [];
    let before: string | null = null;
    for (let n = 0; ; n++) {
      const p: PageOf = await page(list, { last: 3, before });
      expect(p.totalCount).toBe(ITEMS);
      expect(p.pageInfo).toEqual({
        hasNextPage: n > 0,
        hasPreviousPage: seen.length + p.ids.length < ITEMS,
        startCursor: p.cursors[0],
        endCursor: p.cursors[p.cursors.length - 1],
      });
      seen.unshift(...p.ids);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(seen).toEqual(all());
  });

  it('turns around: before the start cursor of a forward page are exactly the items skipped', async () => {
    const first = await page(list, { first: 4 });
    const second = await page(list, { first: 2, after: first.pageInfo.endCursor });
    const back = await page(list, { last: 10, before: second.pageInfo.startCursor });
    expect(back.ids).toEqual(first.ids);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const forward = await page(list, { first: 10, after: back.pageInfo.endCursor });
    expect(forward.ids).toEqual(all().slice(4));
  });

  it('answers the boundaries: a page exactly as long as the list, size 0, the maximum, one past the ends', async () => {
    expect((await page(list, { first: ITEMS })).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect((await page(list, { last: ITEMS })).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect((await page(list, { last: ITEMS - 1 })).ids).toEqual(all().slice(1));
    expect(await page(list, { last: 0 })).toMatchObject({
      ids: [],
      pageInfo: { hasPreviousPage: true, hasNextPage: false, startCursor: null, endCursor: null },
    });
    expect(await page(list, { first: 0 })).toMatchObject({
      ids: [],
      pageInfo: { hasPreviousPage: false, hasNextPage: true, startCursor: null, endCursor: null },
    });
    expect((await page(list, { last: 200 })).ids).toEqual(all());
    const { cursors } = await page(list, { first: ITEMS });
    expect(await page(list, { first: 5, after: cursors[ITEMS - 1] })).toMatchObject({
      ids: [],
      totalCount: ITEMS,
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
    expect(await page(list, { last: 5, before: cursors[0] })).toMatchObject({
      ids: [],
      totalCount: ITEMS,
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['first with last', { first: 2, last: 2 }, /"first" or "last", not both/],
    ['after with before', { after: 'azA', before: 'azA' }, /"after" or "before", not both/],
    ['last with after', { last: 2, after: 'azA' }, /"last" pages backward from "before"/],
    ['first with before', { first: 2, before: 'azA' }, /"first" pages forward from "after"/],
    ['last over 200', { last: 201 }, /"last" must be between 0 and 200 \(got 201\)/],
    ['a negative last', { last: -1 }, /"last" must be between 0 and 200/],
    ['a before cursor it did not issue', { before: 'garbage!' }, /"before" is not a cursor this API returned/],
    [
      'an after cursor it did not issue',
      { after: Buffer.from('9'.repeat(300)).toString('base64url') },
      /"after" is not a cursor this API returned/,
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_label, args, message) => {
    const res = await t.gql(
      `query($first: Int, $after: String, $last: Int, $before: String) {
      ${list}(first: $first, after: $after, last: $last, before: $before) { totalCount }
    }`,
      args,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(message);
  });

  it('reads every page by keyset, never by OFFSET', async () => {
    const { cursors } = await page(list, { first: ITEMS });
    const { statements } = await t.countStatements(async () => {
      await page(list, { last: 2, before: cursors[4] });
      await page(list, { first: 2, after: cursors[2] });
      await page(list, { last: 2 });
    });
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((s) => /\boffset\b/i.test(s))).toEqual([]);
  });
});

it('refuses a cursor of another list', async () => {
  const { pageInfo } = await page('policies', { first: 1 });
  const res = await t.gql('query($c: String) { privacyRequests(before: $c) { totalCount } }', { c: pageInfo.endCursor });
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
});

it('keeps paging from the cursor of an item deleted meanwhile', async () => {
  dataOf(await t.gql(UPSERT_POLICIES, { input: [{ key: 'k35', name: 'k35 name' }] }));
  const { cursors } = await page('policies', { first: 5 }); // k0 k1 k2 k3 k35
  dataOf(await t.gql('mutation { deletePolicy(key: "k35") }'));
  expect((await page('policies', { last: 2, before: cursors[4] })).ids).toEqual(['k2', 'k3']);
  expect((await page('policies', { first: 2, after: cursors[4] })).ids).toEqual(['k4', 'k5']);
});

it('pages backward through a status filter, with the count and flags of the filtered list', async () => {
  const errors = [requestIds[1], requestIds[4], requestIds[5]];
  const last = await page('privacyRequests', { last: 2 }, ', status: ERROR');
  expect(last).toMatchObject({ ids: errors.slice(1), totalCount: 3, pageInfo: { hasPreviousPage: true, hasNextPage: false } });
  const before = await page('privacyRequests', { last: 2, before: last.pageInfo.startCursor }, ', status: ERROR');
  expect(before).toMatchObject({ ids: errors.slice(0, 1), pageInfo: { hasPreviousPage: false, hasNextPage: true } });
  expect(await page('privacyRequests', { last: 2 }, ', status: PAUSED')).toMatchObject({
    ids: [],
    totalCount: 0,
    pageInfo: { hasPreviousPage: false, hasNextPage: false, startCursor: null, endCursor: null },
  });
});

it('counts last like first in the query cost', async () => {
  const list = (arg: string) => `policies${arg ? `(${arg})` : ''} { edges { node { key
    preWebhooks { key connectionConfig { key } } postWebhooks { key connectionConfig { key } } } } }`;
  const heavy = (arg: string) => `{ ${list(arg)} }`;
  const res = await t.gql(heavy('last: 300'));
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toMatch(/may return up to 12900 objects/);
  expect((await t.gql(heavy('last: 100'))).errors).toBeUndefined();
  // Without first or last a page holds 50: two such lists cost 4300, not 17200 (200 each).
  expect((await t.gql(`{ a: ${list('')} b: ${list('')} }`)).errors).toBeUndefined();
});

it("runs the README's paging example", async () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.split('\n## ').find((s) => s.startsWith('Lists and paging'))!;
  const [, example] = /```graphql\n([\s\S]*?)```/.exec(section)!;
  const { policies } = dataOf(await t.gql(example, { before: null }));
  expect(policies.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: false });
  expect(policies.edges.length).toBe(policies.totalCount);
});
