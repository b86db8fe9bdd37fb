import { createPolicy } from './support/config-fixtures';
import { dataOf, startTestServer, type TestServer } from './support/server';

/**
 * Raw read paths get timestamptz as PostgreSQL text in the session's time zone; the DateTime
 * scalar must turn that into the same instant in ISO 8601 UTC whatever the zone.
 */
let t: TestServer;
const previous = process.env.PGOPTIONS;
beforeAll(async () => {
  process.env.PGOPTIONS = '-c timezone=Asia/Kathmandu'; // +05:45: neither whole hours nor UTC
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
  if (previous === undefined) delete process.env.PGOPTIONS;
  else process.env.PGOPTIONS = previous;
});

it('serialises timestamps read in a +05:45 session as the stored instant in UTC', async () => {
  const [{ tz }] = await t.sql(`select current_setting('TimeZone') as tz`);
  expect(tz).toBe('Asia/Kathmandu');
  await createPolicy(t, 'timed');
  const [row] = await t.sql(
    `select created_at::text as text, (extract(epoch from created_at) * 1000)::bigint as ms from policy where key = 'timed'`,
  );
  expect(row.text).toMatch(/\+05:45$/);

  const policy = dataOf(await t.gql(`{ policy(key: "timed") { createdAt updatedAt } }`)).policy;
  expect(policy.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(new Date(policy.createdAt).getTime()).toBe(Number(row.ms));
  const listed = dataOf(await t.gql(`{ policies { edges { node { createdAt } } } }`)).policies.edges[0].node;
  expect(listed.createdAt).toBe(policy.createdAt);
});
