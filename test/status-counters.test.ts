import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { SecretBox } from '../src/domain/crypto';
import { ExecutionStep, PrivacyRequestStatus as S } from '../src/domain/enums';
import * as requests from '../src/domain/privacy-request';
import type { ClaimedRun } from '../src/domain/privacy-request';
import { createPolicy } from './support/config-fixtures';
import { seededRandom } from './support/prng';
import { dataOf, startTestServer, TEST_ENCRYPTION_KEY, type TestServer } from './support/server';

/**
 * privacyRequests' totalCount reads per-status counters: after creates, transitions and deletes
 * racing on several connections they still equal count(*), and so does the API's totalCount.
 */
let t: TestServer;
let raw: Client[];
const box = new SecretBox(TEST_ENCRYPTION_KEY);
const LANES = 6;

beforeAll(async () => {
  t = await startTestServer();
  await createPolicy(t, 'counted');
  raw = await Promise.all(
    Array.from({ length: 3 }, async () => {
      const client = new Client({ connectionString: t.server.orm.config.get('clientUrl') });
      await client.connect();
      return client;
    }),
  );
});
afterAll(async () => {
  await Promise.all(raw.map((c) => c.end()));
  await t.close();
});

const em = (): EntityManager => t.server.orm.em.fork();

async function countedByTable(): Promise<Record<string, number>> {
  const rows = await t.sql(`select status, count(*)::int as n from privacy_request group by status`);
  return Object.fromEntries(rows.map((r: any) => [r.status, r.n]));
}

async function countedByCounters(): Promise<Record<string, number>> {
  const rows = await t.sql(`select status, sum(n)::int as n from privacy_request_status_count group by status having sum(n) <> 0`);
  return Object.fromEntries(rows.map((r: any) => [r.status, r.n]));
}

async function run(requestId: string): Promise<ClaimedRun> {
  const [row] = await t.sql(`select run_id from privacy_request where id = ?`, [requestId]);
  return { requestId, runId: row?.run_id ?? requestId } as ClaimedRun;
}

/** One lane: random verbs on random requests of the shared list, which the other lanes race on. */
async function lane(seed: number, ids: string[], steps: number): Promise<void> {
  const rnd = seededRandom(seed);
  for (let i = 0; i < steps; i++) {
    const id = ids.length ? rnd.pick(ids) : null;
    const verb = id ? rnd.int(0, 7) : 0;
    if (verb === 0) {
      const made = await requests.create(
        em(),
        box,
        Array.from({ length: rnd.int(1, 5) }, () => ({ policyKey: 'counted', identity: { email: 'a@example.com' } })),
      );
      ids.push(...made.map((r) => r.id));
    } else if (verb === 1 || verb === 2) {
      await requests.claim(em(), await run(id!));
    } else if (verb === 3) {
      await requests.complete(em(), await run(id!));
    } else if (verb === 4) {
      await requests.fail(em(), await run(id!), [], { step: ExecutionStep.PRE_WEBHOOKS, order: 0 }, null, 'failed on purpose');
    } else if (verb === 5) {
      await requests.cancel(em(), id!, null).catch(() => undefined);
    } else if (verb === 6) {
      await requests.retry(em(), id!).catch(() => undefined);
    } else {
      await rnd.pick(raw).query('delete from privacy_request where id = $1', [id]);
    }
  }
}

it('the counters equal count(*) per status after concurrent creates, transitions and deletes', async () => {
  const ids: string[] = [];
  await lane(1, ids, 10);
  await Promise.all([
    ...Array.from({ length: LANES }, (_, i) => lane(100 + i, ids, 60)),
    // Raw SQL counts too: a bulk insert in every status and a bulk delete, as seeding and cleanup do.
    raw[0].query(`insert into privacy_request (id, policy_id, status, identity, run_id, next_step, next_position, created_at, updated_at)
      select gen_random_uuid(), p.id, (array['PENDING','IN_PROCESSING','PAUSED','COMPLETE','ERROR','CANCELED'])[1 + g % 6], 'x',
        gen_random_uuid(), 'PRE_WEBHOOKS', 0, now(), now()
      from policy p, generate_series(1, 600) g where p.key = 'counted'`),
    raw[1].query(`delete from privacy_request where id in (select id from privacy_request where status = 'ERROR' limit 20)`),
  ]);

  const reachedByVerbs = await t.sql(`select distinct status from privacy_request where identity <> 'x'`);
  expect(reachedByVerbs.map((r: any) => r.status).sort()).toEqual(['CANCELED', 'COMPLETE', 'ERROR', 'IN_PROCESSING', 'PENDING']);

  const table = await countedByTable();
  expect(Object.keys(table).sort()).toEqual(Object.values(S).sort());
  expect(await countedByCounters()).toEqual(table);
  // Spread: the transitions wrote more than one slot of a status.
  expect((await t.sql(`select count(distinct slot)::int as n from privacy_request_status_count`))[0].n).toBeGreaterThan(1);

  const total = Object.values(table).reduce((a, b) => a + b, 0);
  const totalOf = async (status: string | null) =>
    dataOf(await t.gql(`query($status: PrivacyRequestStatus) { privacyRequests(status: $status, first: 1) { totalCount } }`, { status }))
      .privacyRequests.totalCount;
  expect(await totalOf(null)).toBe(total);
  for (const status of Object.values(S)) expect(await totalOf(status)).toBe(table[status]);
});

it('the migration fills the counters from the requests there are, and a truncate empties them', async () => {
  const migrator = t.server.orm.getMigrator();
  await migrator.down({ to: 'Migration20261201205249_request_chains' });
  await t.sql(`update privacy_request set status = 'COMPLETE' where status = 'PENDING'`);
  await t.sql(`delete from privacy_request where status = 'CANCELED'`);
  await migrator.up();
  expect(await countedByCounters()).toEqual(await countedByTable());

  await t.sql('truncate privacy_request cascade');
  expect(await countedByCounters()).toEqual({});
  expect(dataOf(await t.gql('{ privacyRequests { totalCount } }')).privacyRequests.totalCount).toBe(0);
});
