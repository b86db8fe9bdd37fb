'use strict';
// `node bench/connection-health.js` (after `npm run build`): ConnectionConfig.health at a million
// deliveries. Migrates a fresh bench database, writes 1,000,000 delivery rows over 1,000
// connections (one of them with half the rows, its last 20,000 a failing streak), and prints what
// the health statement for a page of 50 connections (the heavy one included) reads, with the
// index and without it: buffers (8 kB pages) touched, the steady figure on a shared machine.
// Environment: DATABASE_URL (the PostgreSQL server to create the bench database on).
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');
const { createBenchDatabase } = require('./lib/database');
const { ROOT } = require('./lib/processes');
const { CONNECTION_HEALTH_SQL } = require('../dist/domain/connection-health');

async function main() {
  const db = await createBenchDatabase();
  const pg = new Client({ connectionString: db.url });
  try {
    execFileSync(process.execPath, ['dist/main.js', 'migrate'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn', APP_ENCRYPTION_KEY: 'bench-key-0123456789abcdef012345' },
      stdio: 'inherit',
    });
    await pg.connect();
    await seed(pg);
    const page = '(select array_agg(id::text order by n) from (select id, n from bench_connection order by n limit 50) p)';
    const statement = CONNECTION_HEALTH_SQL.replace('?::uuid[]', `${page}::uuid[]`);
    const withIndex = await explain(pg, statement);
    await pg.query('begin');
    await pg.query('drop index webhook_delivery_connection_health_idx');
    const withoutIndex = await explain(pg, statement);
    await pg.query('rollback');
    const rows = (await pg.query('select count(*)::int as n from webhook_delivery')).rows[0].n;
    process.stdout.write(`health of 50 connections over ${rows} deliveries:\n`);
    process.stdout.write(`  with the index:    ${withIndex.buffers} buffers, ${withIndex.ms.toFixed(1)} ms\n`);
    process.stdout.write(`  without the index: ${withoutIndex.buffers} buffers, ${withoutIndex.ms.toFixed(1)} ms\n`);
    process.stdout.write(`  ratio: ${(withoutIndex.buffers / withIndex.buffers).toFixed(0)}x fewer buffers with the index\n`);
  } finally {
    await pg.end().catch(() => {});
    await db.drop();
  }
}

async function seed(pg) {
  await pg.query('create table bench_connection as select gen_random_uuid() as id, g as n from generate_series(1, 1000) g');
  await pg.query(`insert into policy (id, key, name, created_at, updated_at) values (gen_random_uuid(), 'bench', 'bench', now(), now())`);
  await pg.query(`insert into privacy_request (id, policy_id, identity, run_id, created_at, updated_at)
    select gen_random_uuid(), id, 'sealed', gen_random_uuid(), now(), now() from policy`);
  const insert = (connection, count, outcome, error, days) =>
    pg.query(
      `insert into webhook_delivery (id, privacy_request_id, webhook_key, connection_config_id, phase, attempt, outcome, error, duration_ms, created_at)
     select gen_random_uuid(), (select id from privacy_request limit 1), 'bench', c.id, 'pre', 1, ${outcome}, ${error}, 5,
       now() - interval '${days} days' + (g * interval '${days} days' / ${count})
     from generate_series(1, ${count}) g cross join (${connection}) c`,
    );
  await insert(
    'select id from bench_connection where n = 1',
    500000,
    "case when g > 480000 then 'FAILED' else 'DELIVERED' end",
    "case when g > 480000 then 'answered 500' end",
    30,
  );
  await insert(
    'select id from bench_connection where n > 1 and n <= 1000',
    501,
    "case when g % 7 = 0 then 'FAILED' else 'DELIVERED' end",
    "case when g % 7 = 0 then 'timed out after 10000 ms' end",
    30,
  );
  await pg.query('vacuum analyze webhook_delivery');
}

async function explain(pg, statement) {
  const { rows } = await pg.query(`explain (analyze, buffers, format json) ${statement}`);
  const [plan] = rows[0]['QUERY PLAN'];
  const buffers = plan.Plan['Shared Hit Blocks'] + plan.Plan['Shared Read Blocks'];
  return { buffers, ms: plan['Execution Time'] };
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
