import { createConnection, createPolicy } from './support/config-fixtures';
import { dataOf, startTestServer, type TestServer } from './support/server';

/** The lists count their rows only when totalCount is selected: at a million rows the count is the costly part. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createConnection(t, 'conn_a');
  await createPolicy(t, 'pol_a');
});
afterAll(() => t.close());

const LISTS = ['privacyRequests', 'privacyRequests(status: PENDING)', 'policies', 'connectionConfigs'];
// privacyRequests counts from its status counters, the others by count(*).
const counts = (statements: string[]) => statements.filter((s) => /count\(|privacy_request_status_count/i.test(s));

async function run(query: string) {
  let data: any;
  const { statements } = await t.countStatements(async () => {
    data = dataOf(await t.gql(query));
  });
  return { data, statements };
}

it.each(LISTS)('%s without totalCount runs no count', async (list) => {
  for (const selection of ['edges { cursor }', 'pageInfo { hasNextPage }', '...on Query { x: __typename }']) {
    const query = selection.startsWith('...') ? `{ ${selection} }` : `{ ${list} { ${selection} } }`;
    const { statements } = await run(query);
    expect(counts(statements)).toEqual([]);
  }
  const { statements } = await run(
    `{ ${list.replace(/\)$|$/, (m) => (m ? ', first: 1)' : '(first: 1)'))} { edges { cursor } pageInfo { hasNextPage } } }`,
  );
  expect(statements.length).toBeGreaterThan(0);
  expect(counts(statements)).toEqual([]);
});

it.each(LISTS)('%s with totalCount, directly or through a fragment, counts exactly', async (list) => {
  const field = list.replace(/\(.*/, '');
  const expected = Number(
    (
      await t.sql(
        `select count(*) as n from ${
          { privacyRequests: 'privacy_request', policies: 'policy', connectionConfigs: 'connection_config' }[field]
        }${list.includes('PENDING') ? " where status = 'PENDING'" : ''}`,
      )
    )[0].n,
  );
  const direct = await run(`{ ${list} { totalCount edges { cursor } } }`);
  expect(direct.data[field].totalCount).toBe(expected);
  expect(counts(direct.statements).length).toBeGreaterThan(0);
  const viaFragment = await run(
    `query { ${list} { ...F } } fragment F on ${field === 'policies' ? 'Policy' : field === 'connectionConfigs' ? 'ConnectionConfig' : 'PrivacyRequest'}Connection { ... on ${field === 'policies' ? 'Policy' : field === 'connectionConfigs' ? 'ConnectionConfig' : 'PrivacyRequest'}Connection { totalCount } }`,
  );
  expect(viaFragment.data[field].totalCount).toBe(expected);
  expect(counts(viaFragment.statements).length).toBeGreaterThan(0);
});
