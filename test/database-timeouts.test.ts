import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { adminUrl } from './support/database';
import { startTestServer, type TestServer } from './support/server';

/**
 * A slow database: another session holds a lock every query needs. Statements give up after
 * DATABASE_STATEMENT_TIMEOUT_MS and a request that cannot get a connection after
 * DATABASE_ACQUIRE_TIMEOUT_MS; neither waits for the lock to go.
 */
let t: TestServer;
let locker: Client;
/** Watches pg_stat_activity from outside the locker's transaction, which sees one snapshot of it. */
let observer: Client;
beforeAll(async () => {
  t = await startTestServer({ databaseStatementTimeoutMs: 3000, databaseAcquireTimeoutMs: 300 });
  await t.gql('{ policies { totalCount } }'); // the schema is there and the pool warm
  const [{ name }] = await t.sql<{ name: string }>('select current_database() as name');
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  locker = new Client({ connectionString: url.toString() });
  observer = new Client({ connectionString: url.toString() });
  await Promise.all([locker.connect(), observer.connect()]);
});
afterAll(async () => {
  await Promise.all([locker.end(), observer.end()]);
  await t.close();
});

const lockPolicyTable = () => locker.query('begin; lock table policy in access exclusive mode');
const unlock = () => locker.query('rollback');

const waitingOnLock = async () => {
  const rows = await observer.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
  return rows.rows[0].n as number;
};

it('a query blocked by the database fails with SERVICE_UNAVAILABLE after the statement timeout instead of hanging', async () => {
  await lockPolicyTable();
  const res = await t.gql('{ policies { totalCount } }').finally(unlock);
  expect(res.errors![0]).toMatchObject({ message: expect.stringContaining('the database is unavailable or too slow'), extensions: { code: 'SERVICE_UNAVAILABLE' } });
  expect((await t.gql('{ policies { totalCount } }')).data).toEqual({ policies: { totalCount: 0 } });
}, 30_000);

it('/health answers 503 when no connection frees up within the acquire timeout, and 200 again after', async () => {
  await lockPolicyTable();
  let health: number;
  // the API pool has 4 connections: all of them wait on the lock
  const blocked = Array.from({ length: 4 }, () => t.gql('{ policies { totalCount } }'));
  try {
    const deadline = Date.now() + 20_000;
    while ((await waitingOnLock()) < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    health = (await fetch(`${t.url}/health`)).status;
  } finally {
    await unlock();
  }
  expect(health).toBe(503);
  await Promise.all(blocked);
  expect((await fetch(`${t.url}/health`)).status).toBe(200);
}, 30_000);

it('reads both timeouts from the environment, with defaults', () => {
  expect(loadConfig({})).toMatchObject({ databaseStatementTimeoutMs: 10_000, databaseAcquireTimeoutMs: 5000 });
  expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '2500', DATABASE_ACQUIRE_TIMEOUT_MS: '700' })).toMatchObject({ databaseStatementTimeoutMs: 2500, databaseAcquireTimeoutMs: 700 });
  expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
});
