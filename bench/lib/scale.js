'use strict';
// The scale section of `npm run bench`: privacyRequests(first: 50) and privacyRequest(id) with its
// deliveries at SMALL_ROWS and at BENCH_SCALE_ROWS privacy requests (3 deliveries each), in the
// same run, each size in its own database and server; at the large size the EXPLAIN of every
// statement each list query sends.
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');
const { authHeaders } = require('./auth');
const { createBenchDatabase, seed, withClient } = require('./database');
const { measureRow, post, log } = require('./measure');
const { dsrServerEnv, startChild, ROOT } = require('./processes');

const SCALE_ROWS = Number(process.env.BENCH_SCALE_ROWS || 1_000_000);
const SMALL_ROWS = 10_000;
const SECONDS = Number(process.env.BENCH_SCALE_SECONDS || 3);
const WARMUP = 1;
const CONCURRENCIES = [1, 8];
// The seed below is written for the schema as of this migration: it runs after it, and the later
// migrations run on the seeded rows, as they would on a production database (so whatever they add
// or fill, such as counters, covers the seeded rows too).
const SEED_SCHEMA = 'Migration20261201205249_request_chains';
// A sequential scan of a table this large at the scale size counts as a query without an index.
const LARGE_TABLE_ROWS = 10_000;

const LIST_QUERY = (withCount) => `query List($after: String, $status: PrivacyRequestStatus) {
  privacyRequests(first: 50, after: $after, status: $status) {
    ${withCount ? 'totalCount ' : ''}edges { cursor node { id status createdAt externalId policy { key } } }
    pageInfo { hasNextPage endCursor } } }`;
const DETAIL_QUERY = `query Request($id: ID!) { privacyRequest(id: $id) {
  id status createdAt deliveries { webhookKey phase attempt outcome durationMs createdAt } } }`;
const STATUS = 'COMPLETE';

async function runScaleSection() {
  const rows = [];
  let explains = [];
  const peakRss = [];
  for (const size of [SMALL_ROWS, SCALE_ROWS]) {
    const db = await createBenchDatabase();
    let server;
    try {
      const env = dsrServerEnv(db.url);
      const started = Date.now();
      await seedScale(db.url, env, size);
      log(`scale: seeded ${size} privacy requests and ${size * 3} deliveries in ${Math.round((Date.now() - started) / 1000)} s`);
      server = await startChild(`dsr-hooks (${size} rows)`, 'dist/main.js', ['serve'], env);
      server.side = 'dsr';
      server.headers = await authHeaders(server.url, env.OAUTH_ROOT_CLIENT_ID, env.OAUTH_ROOT_CLIENT_SECRET);
      const operations = await scaleOperations(db.url);
      for (const operation of operations) {
        for (const concurrency of CONCURRENCIES) {
          const { dsr } = await measureRow([server], operation, concurrency, { seconds: SECONDS, warmup: WARMUP, calibration: 5 });
          const row = {
            operation: operation.name,
            variant: operation.variant,
            list: operation.list,
            withCount: operation.withCount,
            size,
            concurrency,
            ...dsr,
          };
          rows.push(row);
          log(`scale ${size} ${operation.name} @${concurrency}: ${dsr.rps.toFixed(0)} req/s, p99 ${dsr.p99} ms`);
        }
      }
      if (size === SCALE_ROWS) explains = await explainAll(server, db.url, operations);
      peakRss.push({ name: `scale ${size}`, mb: server.peakRssMb() });
    } finally {
      await server?.stop();
      await db.drop();
    }
  }
  return { size: SCALE_ROWS, smallSize: SMALL_ROWS, seconds: SECONDS, rows, explains, peakRss };
}

/** The schema up to SEED_SCHEMA, a few policies, `size` requests with 3 deliveries each, then the later migrations. */
async function seedScale(url, env, size) {
  const { MikroORM } = require('@mikro-orm/postgresql');
  const { ormOptions } = require('../../dist/db/orm-options');
  const orm = await MikroORM.init(ormOptions(url));
  try {
    await orm.getMigrator().up({ to: SEED_SCHEMA });
  } finally {
    await orm.close();
  }
  await seed(url, { readPolicies: 10, writers: 0 });
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query("set local synchronous_commit = off; set local maintenance_work_mem = '256MB'");
    // The rows reference only rows of this seed: the foreign-key checks (a row lock on the request
    // per delivery) are left out where the role may (a superuser), as a restore would.
    const { rows: role } = await client.query('select rolsuper from pg_roles where rolname = current_user');
    if (role[0]?.rolsuper) await client.query('set local session_replication_role = replica');
    // Secondary indexes are built once after the rows instead of kept up row by row; their
    // definitions come from the catalogue, so they stay the migrations' own.
    const { rows: indexes } = await client.query(
      `select indexname, indexdef from pg_indexes i where tablename in ('privacy_request', 'webhook_delivery')
       and schemaname = current_schema() and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    );
    for (const index of indexes) await client.query(`drop index "${index.indexname}"`);
    // Mostly COMPLETE, as a production table would be; one a second over the past, newest last.
    await client.query(
      `insert into privacy_request (id, external_id, policy_id, status, identity, run_id, failed_step, failure_reason,
         created_at, started_at, finished_at, updated_at)
       select gen_random_uuid(), 'bench-' || g, p.ids[1 + g % array_length(p.ids, 1)], s.status, 'sealed', gen_random_uuid(),
         case when s.status = 'ERROR' then 'PRE_WEBHOOKS' end, case when s.status = 'ERROR' then 'answered 500' end,
         t.at, case when s.status <> 'PENDING' then t.at + interval '1 second' end,
         case when s.status in ('COMPLETE', 'ERROR', 'CANCELED') then t.at + interval '2 seconds' end, t.at
       from generate_series(1, $1::int) g
       cross join (select array_agg(id order by key) as ids from policy) p
       cross join lateral (select now() - ($1::int - g) * interval '1 second' as at) t
       cross join lateral (select case when g % 100 < 88 then 'COMPLETE' when g % 100 < 93 then 'ERROR' when g % 100 < 96 then 'PENDING'
         when g % 100 < 98 then 'CANCELED' when g % 100 < 99 then 'PAUSED' else 'IN_PROCESSING' end as status) s`,
      [size],
    );
    await client.query(
      `insert into webhook_delivery (id, privacy_request_id, webhook_key, phase, attempt, outcome, duration_ms, created_at)
       select gen_random_uuid(), r.id, 'bench-hook-' || k, case when k < 3 then 'pre' else 'post' end, 1, 'DELIVERED', 5,
         r.created_at + k * interval '1 millisecond'
       from privacy_request r cross join generate_series(1, 3) k`,
    );
    for (const index of indexes) await client.query(index.indexdef);
    await client.query('commit');
  } finally {
    await client.end();
  }
  execFileSync(process.execPath, ['dist/main.js', 'migrate'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
  await withClient(url, (c) => c.query('vacuum analyze'));
}

/** The list variants (all or one status, first or deep page, with or without totalCount) and the detail lookup. */
async function scaleOperations(url) {
  const json = (value) => JSON.stringify(value);
  const { deep, ids } = await withClient(url, async (c) => {
    // The cursor of the item half-way down each list, as the API encodes it (src/domain/privacy-request/list.ts).
    const middle = async (status) => {
      const { rows } = await c.query(
        `select (extract(epoch from created_at) * 1000000)::bigint::text || '.' || id as cursor from privacy_request
         where $1::text is null or status = $1 order by created_at desc, id desc
         offset (select count(*) / 2 from privacy_request where $1::text is null or status = $1) limit 1`,
        [status],
      );
      return Buffer.from(rows[0].cursor, 'utf8').toString('base64url');
    };
    const { rows } = await c.query(`select id from privacy_request order by hashtext(id::text) limit 1000`);
    return { deep: { all: await middle(null), [STATUS]: await middle(STATUS) }, ids: rows.map((r) => r.id) };
  });
  const operations = [];
  for (const status of [null, STATUS]) {
    for (const page of ['first', 'deep']) {
      for (const withCount of [false, true]) {
        const variant = `${status ?? 'all'} ${page}${withCount ? ' +count' : ''}`;
        const body = json({ query: LIST_QUERY(withCount), variables: { status, after: page === 'deep' ? deep[status ?? 'all'] : null } });
        operations.push({
          name: `privacyRequests ${variant}`,
          variant,
          list: true,
          withCount,
          dsr: { path: '/graphql', bodyFor: () => body },
        });
      }
    }
  }
  const counters = new Map();
  const nextId = (client) => {
    const n = counters.get(client) ?? client * 97;
    counters.set(client, n + 1);
    return ids[n % ids.length];
  };
  operations.push({
    name: 'privacyRequest(id) + deliveries',
    variant: 'by id',
    list: false,
    withCount: false,
    dsr: { path: '/graphql', bodyFor: (c) => json({ query: DETAIL_QUERY, variables: { id: nextId(c) } }) },
  });
  return operations;
}

/** For each operation: the statements the server sends for one request, each run under EXPLAIN ANALYZE. */
async function explainAll(server, url, operations) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`select relname from pg_class where relkind = 'r' and reltuples > $1`, [LARGE_TABLE_ROWS]);
    const large = new Set(rows.map((r) => r.relname));
    const explains = [];
    for (const operation of operations) {
      await server.captureSql(true);
      await post(server, operation.dsr.path, operation.dsr.bodyFor(0));
      const statements = (await server.captureSql(false)).filter((s) => /^\s*(select|with)\b/i.test(s.text));
      const plans = [];
      for (const statement of statements) {
        const { rows: explained } = await c.query(`explain (analyze, buffers, format json) ${statement.text}`, statement.values);
        plans.push(summarisePlan(explained[0]['QUERY PLAN'][0], large));
      }
      explains.push({ operation: operation.name, statements: plans, seqScans: [...new Set(plans.flatMap((p) => p.seqScans))] });
    }
    return explains;
  });
}

/** The scans of a plan (node, index, table), its time and buffers, and its sequential scans of large tables. */
function summarisePlan(explained, large) {
  const scans = [];
  const seqScans = [];
  const walk = (node) => {
    if (node['Relation Name'] || node['Index Name']) {
      const index = node['Index Name'] ? ` using ${node['Index Name']}` : '';
      scans.push(`${node['Node Type']}${index}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}`);
      if (node['Node Type'] === 'Seq Scan' && large.has(node['Relation Name'])) seqScans.push(node['Relation Name']);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(explained.Plan);
  return {
    ms: explained['Execution Time'],
    buffers: explained.Plan['Shared Hit Blocks'] + explained.Plan['Shared Read Blocks'],
    scans,
    seqScans,
  };
}

const fixed = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** Each operation and concurrency at both sizes, the large size's req/s as a ratio of the small's; then the EXPLAINs. */
function printScale(scale, out = process.stdout) {
  const header = [
    'operation',
    'conc',
    `req/s ${scale.smallSize}`,
    `p50`,
    `p99`,
    `req/s ${scale.size}`,
    'p50',
    'p99',
    'SQL/req',
    'CPU ms',
    'ratio',
    'errors',
  ];
  const lines = [];
  for (const large of scale.rows.filter((r) => r.size === scale.size)) {
    const small = scale.rows.find(
      (r) => r.size === scale.smallSize && r.operation === large.operation && r.concurrency === large.concurrency,
    );
    lines.push([
      large.operation,
      String(large.concurrency),
      fixed(small?.rps),
      fixed(small?.p50),
      fixed(small?.p99),
      fixed(large.rps),
      fixed(large.p50),
      fixed(large.p99),
      fixed(large.statementsPerRequest, 1),
      fixed(large.cpuMsPerRequest, 1),
      `${fixed(large.rps / small?.rps, 2)}x`,
      `${small?.errors ?? '-'}/${large.errors}`,
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  out.write(`${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const line of lines) out.write(`${format(line)}\n`);
  out.write(`\nEXPLAIN ANALYZE at ${scale.size} rows of the statements each query sends (ms, buffers, scans):\n`);
  for (const e of scale.explains) {
    out.write(`${e.operation}${e.seqScans.length ? `  SEQUENTIAL SCAN of ${e.seqScans.join(', ')}` : ''}\n`);
    for (const p of e.statements) out.write(`  ${fixed(p.ms, 1)} ms, ${p.buffers} buffers: ${p.scans.join('; ') || 'no table'}\n`);
  }
}

module.exports = { runScaleSection, printScale, seedScale };
