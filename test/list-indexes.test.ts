import { startTestServer, dataOf, type TestServer } from './support/server';

/**
 * Every list query reads its page and its relations through indexes: on tables seeded big
 * enough (and analyzed) that PostgreSQL would pick an index where one exists, no statement a
 * list query sends plans a sequential scan of a table that grows.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ databaseStatementTimeoutMs: 60_000 });
  await t.sql(`insert into connection_config (id, key, name, connection_type, access, created_at, updated_at)
    select gen_random_uuid(), 'conn_' || g, 'Connection ' || g, 'HTTPS', 'WRITE', now(), now() from generate_series(1, 20000) g`);
  await t.sql(`insert into policy (id, key, name, created_at, updated_at)
    select gen_random_uuid(), 'pol_' || g, 'Policy ' || g, now(), now() from generate_series(1, 10000) g`);
  await t.sql(`insert into policy_webhook (id, policy_id, phase, position, key, name, direction, connection_config_id, created_at, updated_at)
    select gen_random_uuid(), p.id, ph, 0, 'hook_' || ph, 'Hook ' || ph, 'one_way', c.id, now(), now()
    from generate_series(1, 10000) g cross join (values ('pre', 1), ('post', 0)) v(ph, back)
    join policy p on p.key = 'pol_' || g join connection_config c on c.key = 'conn_' || (g * 2 - back)`);
  await t.sql('analyze');
  await t.sql(`insert into privacy_request (id, policy_id, status, identity, run_id, next_step, next_position, failed_webhook_id, created_at, updated_at)
    select gen_random_uuid(), p.id, (array['PENDING','IN_PROCESSING','PAUSED','COMPLETE','ERROR','CANCELED'])[1 + g % 6], 'x', gen_random_uuid(),
      'PRE_WEBHOOKS', 0, case when g % 6 = 4 then w.id end, now() - g * interval '1 second', now()
    from generate_series(1, 60000) g
    join policy p on p.key = 'pol_' || (1 + g % 10000)
    join policy_webhook w on w.policy_id = p.id and w.phase = 'pre'`);
  await t.sql('analyze');
  await t.sql(`insert into chain_step (privacy_request_id, phase, position, webhook_id, webhook_key)
    select r.id, w.phase, w.position, w.id, w.key from privacy_request r join policy_webhook w on w.policy_id = r.policy_id
    where r.id < '20000000-0000-0000-0000-000000000000' or r.created_at > now() - interval '1 hour'`);
  await t.sql(`insert into webhook_delivery (id, privacy_request_id, webhook_id, webhook_key, connection_config_id, phase, attempt, outcome, duration_ms, created_at)
    select gen_random_uuid(), s.privacy_request_id, s.webhook_id, s.webhook_key, w.connection_config_id, s.phase, 1, 'DELIVERED', 5, now()
    from chain_step s join policy_webhook w on w.id = s.webhook_id`);
  await t.sql('analyze');
}, 120_000);
afterAll(() => t.close());

/** Tables that stay small whatever the data: a scan of them is constant. */
const BOUNDED = new Set(['privacy_request_status_count']);

async function cursorOf(sql: string): Promise<string> {
  const [row] = await t.sql(sql);
  return Buffer.from(row.c, 'utf8').toString('base64url');
}

type Plan = { 'Node Type': string; 'Relation Name'?: string; Plans?: Plan[] };
const scans = (plan: Plan): string[] => [
  ...(plan['Node Type'] === 'Seq Scan' ? [plan['Relation Name']!] : []),
  ...(plan.Plans ?? []).flatMap(scans),
];

const REQUEST = `id status policy { key } failedWebhook { key connectionConfig { key } }
  chain { webhookKey } deliveries { attempt webhookKey webhook { key } }`;
const POLICY = `key preWebhooks { key connectionConfig { key name } } postWebhooks { key connectionConfig { key name } }`;

const LISTS: [string, () => Promise<string>][] = [
  // policies and connectionConfigs count by count(*) (their descriptions say so): asked without totalCount.
  ['policies, first page', async () => `{ policies(first: 50) { edges { node { ${POLICY} } } } }`],
  [
    'policies, deep page',
    async () =>
      `{ policies(first: 50, after: "${await cursorOf(`select key as c from policy order by key offset 9000 limit 1`)}") { edges { node { ${POLICY} } } } }`,
  ],
  [
    'connectionConfigs',
    async () => `{ connectionConfigs(first: 50) { edges { node { key health { consecutiveFailures lastSuccessAt } } } } }`,
  ],
  ['privacyRequests, all', async () => `{ privacyRequests(first: 50) { totalCount edges { node { ${REQUEST} } } } }`],
  ['privacyRequests, by status', async () => `{ privacyRequests(first: 50, status: ERROR) { totalCount edges { node { ${REQUEST} } } } }`],
  [
    'privacyRequests, deep page by status, backward',
    async () =>
      `{ privacyRequests(last: 50, status: COMPLETE, before: "${await cursorOf(
        `select (extract(epoch from created_at) * 1000000)::bigint::text || '.' || id as c from privacy_request
         where status = 'COMPLETE' order by created_at desc, id desc offset 8000 limit 1`,
      )}") { totalCount pageInfo { hasNextPage } edges { node { ${REQUEST} } } } }`,
  ],
];

it.each(LISTS)('%s plans no sequential scan of a growing table', async (_name, queryOf) => {
  const query = await queryOf();
  let data: any;
  const { statements, bindings } = await t.countStatements(async () => {
    data = dataOf(await t.gql(query));
  });
  expect(Object.values(data)[0]).toMatchObject({ edges: expect.arrayContaining([expect.anything()]) });
  const reads = statements.flatMap((sql, i) => (/^\s*(select|with)\b/i.test(sql) ? [{ sql, params: bindings[i] }] : []));
  expect(reads.length).toBeGreaterThan(0);
  for (const { sql, params } of reads) {
    // t.sql binds `?`; a prepared statement's text numbers its parameters in order
    const [{ 'QUERY PLAN': plan }] = await t.sql(`explain (format json) ${sql.replace(/\$\d+/g, '?')}`, params);
    const growing = scans(plan[0].Plan).filter((table) => !BOUNDED.has(table));
    expect({ sql, growing }).toEqual({ sql, growing: [] });
  }
});
