'use strict';
// `npm run bench`: seeds a fresh database, starts dsr-hooks as in production and the hand-written
// limit server beside it, loads both with autocannon and prints dsr-hooks beside its limit.
// Environment: DATABASE_URL (the PostgreSQL server to create the bench database on; without it an
// embedded PostgreSQL in a temporary directory, as `npm start` would use),
// BENCH_SECONDS (measured seconds per server and row, in two alternating halves; default 6),
// BENCH_WARMUP (default 2),
// BENCH_PROFILE=1 (write .cpuprofiles of both servers to bench/results/profiles/,
// summarised by bench/profile-summary.js), BENCH_ONLY=<text> (only operations whose name has it).
const { execFileSync } = require('node:child_process');
const { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { isDeepStrictEqual } = require('node:util');
const { authHeaders } = require('./lib/auth');
const { createBenchDatabase, seed } = require('./lib/database');
const { load } = require('./lib/load');
const { contendedReorderOperation, lookupOperation, readOperation, reorderOperation, syncRotation } = require('./lib/operations');
const { ROOT, startChild } = require('./lib/processes');
const { checkTargets, printTable, printTargets } = require('./lib/report');
const { runPipelineBench } = require('./lib/pipeline');

const SECONDS = Number(process.env.BENCH_SECONDS || 6);
const WARMUP = Number(process.env.BENCH_WARMUP || 2);
const CALIBRATION_REQUESTS = 20;
const ROUNDS = 2;
const RESULTS = join(__dirname, 'results');

async function main() {
  const started = Date.now();
  mkdirSync(RESULTS, { recursive: true });
  const embedded = process.env.DATABASE_URL ? null : await startEmbedded();
  const db = await createBenchDatabase();
  const servers = [];
  try {
    const serverEnv = dsrServerEnv(db.url);
    execFileSync(process.execPath, ['dist/main.js', 'migrate'], { cwd: ROOT, env: { ...process.env, ...serverEnv }, stdio: 'inherit' });
    const data = await seed(db.url);
    log(`seeded ${db.name}: 100 policies x (10 pre + 10 post) webhooks, 20 connections, reorder policies`);

    const profile = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${join(RESULTS, 'profiles')}`] : [];
    const dsr = await startChild('dsr-hooks', 'dist/main.js', ['serve'], serverEnv, profile);
    servers.push(dsr);
    const limit = await startChild('limit', join(__dirname, 'limit-server.js'), [], { DATABASE_URL: db.url }, profile);
    servers.push(limit);
    dsr.headers = await authHeaders(dsr.url, serverEnv.OAUTH_ROOT_CLIENT_ID, serverEnv.OAUTH_ROOT_CLIENT_SECRET);
    limit.headers = {};

    const rotation = new Map();
    const read = readOperation();
    const lookup = lookupOperation(data.readKeys);
    const reorder10 = reorderOperation(10, data.reorder10, rotation);
    const reorder50 = reorderOperation(50, data.reorder50, rotation);
    const contended = contendedReorderOperation(data.contended);
    await checkSameAnswers(dsr, limit, [read, lookup, reorder10, reorder50, contended], db.url, rotation);

    const plan = [
      [read, [1, 8, 32]],
      [lookup, [32]],
      [reorder10, [1, 8, 32]],
      [reorder50, [8, 32]],
      [contended, [32]],
    ];
    const rows = [];
    const only = process.env.BENCH_ONLY;
    for (const [operation, concurrencies] of plan.filter(([op]) => !only || op.name.includes(only))) {
      for (const concurrency of concurrencies) {
        const row = {
          operation: operation.name,
          concurrency,
          ...(await measureRow([dsr, limit], operation, concurrency, db.url, rotation)),
        };
        row.ratio = row.dsr.rps / row.limit.rps;
        rows.push(row);
        log(`${row.operation} @${concurrency}: ${row.dsr.rps.toFixed(0)} vs ${row.limit.rps.toFixed(0)} req/s (${row.ratio.toFixed(2)}x)`);
      }
    }
    const peakRssMb = { dsr: dsr.peakRssMb(), limit: limit.peakRssMb() };
    for (const server of servers.splice(0)) {
      await untilIdle(server);
      await server.stop();
    }

    // BENCH_ONLY runs the pipeline bench only when it names it.
    const pipeline = only && !'pipeline'.includes(only) ? null : await runPipelineBench(db);
    const fanout = only && !'fan-out'.includes(only) ? null : await runPipelineBench(db, 'fanout');
    const targets = checkTargets(rows, peakRssMb.dsr);
    process.stdout.write('\n');
    printTable(rows);
    process.stdout.write(`\npeak RSS: dsr-hooks ${peakRssMb.dsr} MB, limit ${peakRssMb.limit} MB\n`);
    if (pipeline) process.stdout.write(`\npipeline (bench/pipeline.js):\n${pipeline.output}\n`);
    if (fanout) process.stdout.write(`\nfan-out (bench/fanout.js):\n${fanout.output}\n`);
    process.stdout.write('\n');
    printTargets(targets);
    const seconds = Math.round((Date.now() - started) / 1000);
    process.stdout.write(`\n${SECONDS} s per run after ${WARMUP} s warm-up; whole bench ${seconds} s\n`);
    writeFileSync(
      join(RESULTS, 'latest.json'),
      JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          seconds: SECONDS,
          warmup: WARMUP,
          rows,
          peakRssMb,
          targets,
          pipeline: pipeline?.result ?? null,
          fanout: fanout?.result ?? null,
        },
        null,
        2,
      ),
    );
  } finally {
    for (const server of servers) await server.stop();
    await db.drop();
    await embedded?.stop();
  }
}

/** Without DATABASE_URL: the embedded PostgreSQL from dist/, in a temporary directory removed afterwards. */
async function startEmbedded() {
  const { startEmbeddedPostgres } = require('../dist/db/embedded');
  const dataDir = mkdtempSync(join(tmpdir(), 'dsr-hooks-bench-'));
  chmodSync(dataDir, 0o755); // as root, the cluster's system user must be able to enter it
  const pg = await startEmbeddedPostgres({ dataDir });
  process.env.DATABASE_URL = pg.url; // for the bench database, the servers and bench/pipeline.js
  log(`no DATABASE_URL: embedded PostgreSQL on port ${pg.port}`);
  return { stop: async () => (await pg.stop(), rmSync(dataDir, { recursive: true, force: true })) };
}

/** The server's environment as in production, with root client credentials for the bench. */
function dsrServerEnv(databaseUrl) {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY || 'bench-key-0123456789abcdef012345',
    OAUTH_ROOT_CLIENT_ID: process.env.OAUTH_ROOT_CLIENT_ID || 'bench-root',
    OAUTH_ROOT_CLIENT_SECRET: process.env.OAUTH_ROOT_CLIENT_SECRET || 'bench-root-secret-0123456789abcdef',
    // The API alone, as when workers run apart (`node dist/main.js worker`): an idle in-process
    // worker's own polling would show up in the statement counts. bench/pipeline.js measures workers.
    WORKER_CONCURRENCY: '0',
  };
}

/**
 * One table row: for each server its statements per request (from a few sequential requests)
 * and a warm-up, then ROUNDS alternating measured runs of SECONDS / ROUNDS each, so that both
 * servers see the same share of whatever else the machine is doing.
 */
async function measureRow([dsr, limit], operation, concurrency, databaseUrl, rotation) {
  const sideOf = (server) => operation[server === limit ? 'limit' : 'dsr'];
  const runFor = (server, seconds) => {
    const { path, bodyFor, onAnswer } = sideOf(server);
    return load({ url: server.url + path, headers: server.headers, connections: concurrency, seconds, bodyFor, onAnswer });
  };
  const totals = new Map();
  for (const server of [dsr, limit]) {
    const { path, bodyFor, onAnswer } = sideOf(server);
    const before = await untilIdle(server);
    for (let i = 0; i < CALIBRATION_REQUESTS; i++) {
      await post(server, path, bodyFor(0));
      onAnswer?.(0);
    }
    const statementsPerRequest = ((await server.statements()) - before) / CALIBRATION_REQUESTS;
    if (WARMUP > 0) await runFor(server, WARMUP);
    totals.set(server, { statementsPerRequest, requests: 0, errors: 0, p50Weighted: 0, p99: 0, cpuMs: 0, sqlMs: 0 });
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const server of round % 2 ? [limit, dsr] : [dsr, limit]) {
      if (operation.policies) await syncRotation(databaseUrl, operation.policies, rotation);
      await untilIdle(server);
      const cpuBefore = server.cpuMs();
      const sqlBefore = await server.sqlWaitMs();
      const result = await runFor(server, SECONDS / ROUNDS);
      const total = totals.get(server);
      total.cpuMs += server.cpuMs() - cpuBefore;
      total.sqlMs += (await server.sqlWaitMs()) - sqlBefore;
      total.requests += result.requests;
      total.errors += result.errors;
      total.p50Weighted += result.p50 * result.requests;
      total.p99 = Math.max(total.p99, result.requests ? result.p99 : NaN);
    }
  }
  const summary = (total) => ({
    requests: total.requests,
    rps: total.requests / SECONDS,
    p50: total.p50Weighted / total.requests,
    // The higher of the rounds' p99s.
    p99: total.p99,
    errors: total.errors,
    statementsPerRequest: total.statementsPerRequest,
    // CPU the server spent per answered request: steadier than req/s on a machine shared with others.
    cpuMsPerRequest: total.cpuMs / total.requests,
    // Time its statements were out at PostgreSQL or waiting for the event loop (summed over statements).
    sqlMsPerRequest: total.sqlMs / total.requests,
  });
  return { dsr: summary(totals.get(dsr)), limit: summary(totals.get(limit)) };
}

/** Waits until requests left over from the previous run have finished (no new statements for 0.4 s). */
async function untilIdle(server, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = await server.statements();
  for (let quiet = 0; quiet < 2 && Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 200));
    const now = await server.statements();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
  return last;
}

/** Before measuring: both servers must give the same answers, or the comparison means nothing. */
async function checkSameAnswers(dsr, limit, operations, databaseUrl, rotation) {
  for (const operation of operations) {
    let dsrAnswer;
    let limitAnswer;
    if (operation.policies) {
      // Two policies in the same state: dsr-hooks moves on the first, the limit on the second.
      await syncRotation(databaseUrl, operation.policies, rotation);
      dsrAnswer = await post(dsr, operation.dsr.path, operation.dsr.bodyFor(0));
      operation.dsr.onAnswer(0);
      limitAnswer = await post(limit, operation.limit.path, operation.limit.bodyFor(1));
      operation.limit.onAnswer(1);
    } else {
      dsrAnswer = await post(dsr, operation.dsr.path, operation.dsr.bodyFor(0));
      limitAnswer = await post(limit, operation.limit.path, operation.limit.bodyFor(0));
    }
    if (!isDeepStrictEqual(dsrAnswer, limitAnswer)) {
      throw new Error(
        `${operation.name}: dsr-hooks and the limit answer differently:\n${JSON.stringify(dsrAnswer).slice(0, 600)}\n${JSON.stringify(limitAnswer).slice(0, 600)}`,
      );
    }
  }
  log('dsr-hooks and the limit server give the same answers');
}

async function post(server, path, body) {
  const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...server.headers }, body });
  const answer = await res.json();
  if (!res.ok || answer.errors || answer.error)
    throw new Error(`${server.name} ${path} answered ${res.status}: ${JSON.stringify(answer).slice(0, 500)}`);
  return answer;
}

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

main().catch((err) => {
  console.error('bench failed:', err);
  process.exitCode = 1;
});
