import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { adminUrl } from './support/database';
import { startTestServer, type TestServer } from './support/server';

/**
 * A slow database: another session holds a lock every query needs. Statements give up after
 * DATABASE_STATEMENT_TIMEOUT_MS, and /health does not wait behind a pool whose connections are
 * all stuck; nothing waits for the lock to go.
 */

/** Locks the server's policy table from a session of its own, and watches who waits for it. */
async function lockerFor(server: TestServer) {
  const [{ name }] = await server.sql<{ name: string }>('select current_database() as name');
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const holder = new Client({ connectionString: url.toString() });
  // pg_stat_activity is read from outside the holder's transaction, which sees one snapshot of it
  const observer = new Client({ connectionString: url.toString() });
  await Promise.all([holder.connect(), observer.connect()]);
  return {
    lock: () => holder.query('begin; lock table policy in access exclusive mode'),
    unlock: () => holder.query('rollback'),
    async waitFor(sessions: number) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const { rows } = await observer.query(
          `select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`,
          [name],
        );
        if (rows[0].n >= sessions || Date.now() > deadline) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    end: () => Promise.all([holder.end(), observer.end()]),
  };
}

it('a query blocked by the database fails with SERVICE_UNAVAILABLE after the statement timeout instead of hanging', async () => {
  const t = await startTestServer({ databaseStatementTimeoutMs: 1000 });
  const locker = await lockerFor(t);
  try {
    await locker.lock();
    const res = await t.gql('{ policies { totalCount } }').finally(locker.unlock);
    expect(res.errors![0]).toMatchObject({
      message: expect.stringContaining('the database is unavailable or too slow'),
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect((await t.gql('{ policies { totalCount } }')).data).toEqual({ policies: { totalCount: 0 } });
  } finally {
    await locker.end();
    await t.close();
  }
}, 30_000);

it('/health answers 503 when every pooled connection is stuck, without waiting for them, and 200 again after', async () => {
  const t = await startTestServer(); // default timeouts: 10 s statements, 15 s to get a connection
  const locker = await lockerFor(t);
  try {
    await locker.lock();
    let health: number;
    // the API pool has 4 connections: all of them wait on the lock
    const blocked = Array.from({ length: 4 }, () => t.gql('{ policies { totalCount } }'));
    try {
      await locker.waitFor(4);
      health = (await fetch(`${t.url}/health`)).status;
    } finally {
      await locker.unlock();
    }
    expect(health).toBe(503);
    for (const res of await Promise.all(blocked)) expect(res.data).toEqual({ policies: { totalCount: 0 } });
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  } finally {
    await locker.end();
    await t.close();
  }
}, 30_000);

it('a request that gets no pooled connection within DATABASE_ACQUIRE_TIMEOUT_MS fails with SERVICE_UNAVAILABLE', async () => {
  const t = await startTestServer({ databaseAcquireTimeoutMs: 300 });
  const locker = await lockerFor(t);
  try {
    await locker.lock();
    let queued: Awaited<ReturnType<TestServer['gql']>>;
    const blocked = Array.from({ length: 4 }, () => t.gql('{ policies { totalCount } }'));
    try {
      await locker.waitFor(4);
      queued = await t.gql('{ policies { totalCount } }');
    } finally {
      await locker.unlock();
    }
    expect(queued.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
    await Promise.all(blocked);
  } finally {
    await locker.end();
    await t.close();
  }
}, 30_000);

it('reads both timeouts from the environment, with defaults', () => {
  expect(loadConfig({})).toMatchObject({ databaseStatementTimeoutMs: 10_000, databaseAcquireTimeoutMs: 15_000 });
  expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '2500', DATABASE_ACQUIRE_TIMEOUT_MS: '700' })).toMatchObject({
    databaseStatementTimeoutMs: 2500,
    databaseAcquireTimeoutMs: 700,
  });
  expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
});
