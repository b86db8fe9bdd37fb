import { Client } from 'pg';
import { UPSERT_CONNECTIONS, UPSERT_POLICIES } from './support/config-fixtures';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

/**
 * Races forced with a rival transaction on its own connection (src/domain/transaction.ts):
 * a row the rival holds uncommitted is invisible to the server's own checks, so the database
 * constraint catches the clash and the answer must be CONFLICT, not INTERNAL_SERVER_ERROR;
 * a deadlock must be retried inside the server.
 */
let t: TestServer;
let rival: Client;
beforeAll(async () => {
  t = await startTestServer();
  rival = new Client({ connectionString: t.server.orm.config.get('clientUrl') });
  await rival.connect();
});
afterAll(async () => {
  await rival.end();
  await t.close();
});

/** Bounded wait until some other session of this database waits on a lock. */
async function untilServerBlocks(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await rival.query(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
    );
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the server never waited on the rival transaction');
}

async function raceAgainstUncommitted(insertSql: string, params: unknown[], call: () => Promise<any>) {
  await rival.query('begin');
  await rival.query(insertSql, params);
  const pending = call();
  await untilServerBlocks();
  await rival.query('commit');
  return pending;
}

const POLICY_INSERT = `insert into policy (id, key, name, created_at, updated_at) values (gen_random_uuid(), $1, $2, now(), now())`;

it('maps a unique key violation of a concurrent create to CONFLICT', async () => {
  const res = await raceAgainstUncommitted(POLICY_INSERT, ['raced_key', 'Rival name'], () =>
    t.gql(UPSERT_POLICIES, { input: [{ key: 'raced_key', name: 'Server name' }] }),
  );
  expect(errorCode(res)).toBe('CONFLICT');
  expect(res.errors[0].message).toMatch(/policy with this key/);
  expect(await t.sql(`select name from policy where key = 'raced_key'`)).toEqual([{ name: 'Rival name' }]);
});

it('maps a deferred unique name violation detected at commit to CONFLICT', async () => {
  const res = await raceAgainstUncommitted(POLICY_INSERT, ['rival_key', 'Raced name'], () =>
    t.gql(UPSERT_POLICIES, { input: [{ key: 'server_key', name: 'Raced name' }] }),
  );
  expect(errorCode(res)).toBe('CONFLICT');
  expect(res.errors[0].message).toMatch(/policy with this name/);
  expect(await t.sql(`select key from policy where key = 'server_key'`)).toEqual([]);
});

it('maps a connection name violation detected at commit to CONFLICT', async () => {
  const res = await raceAgainstUncommitted(
    `insert into connection_config (id, key, name, connection_type, access, created_at, updated_at)
     values (gen_random_uuid(), $1, $2, 'HTTPS', 'READ', now(), now())`,
    ['rival_conn', 'Raced connection'],
    () => t.gql(UPSERT_CONNECTIONS, { input: [{ key: 'server_conn', name: 'Raced connection', connectionType: 'HTTPS', access: 'READ' }] }),
  );
  expect(errorCode(res)).toBe('CONFLICT');
  expect(dataOf(await t.gql(`{ connectionConfig(key: "server_conn") { key } }`)).connectionConfig).toBeNull();
});

it('retries a mutation the database aborted as a deadlock victim, and it succeeds', async () => {
  dataOf(
    await t.gql(UPSERT_CONNECTIONS, {
      input: ['dl_a', 'dl_b'].map((key) => ({ key, name: key, connectionType: 'HTTPS', access: 'READ' })),
    }),
  );
  await rival.query('begin');
  await rival.query(`select 1 from connection_config where key = 'dl_b' for update`);
  // The server locks dl_a, then waits for dl_b, which the rival holds.
  const pending = t.gql(UPSERT_CONNECTIONS, {
    input: ['dl_a', 'dl_b'].map((key) => ({ key, name: `${key} renamed`, connectionType: 'HTTPS', access: 'WRITE' })),
  });
  await untilServerBlocks();
  // The rival now waits for dl_a: a cycle. The server waited first, so PostgreSQL aborts the server's transaction.
  const rivalLock = rival.query(`select 1 from connection_config where key = 'dl_a' for update`);
  await rivalLock;
  await rival.query('commit');

  const res = await pending;
  expect(dataOf(res).upsertConnectionConfigs.map((c: any) => c.name)).toEqual(['dl_a renamed', 'dl_b renamed']);
});
