'use strict';
// `npm run bench`: seeds a fresh database, starts dsr-hooks as in production and the hand-written
// limit server beside it, loads both with autocannon and prints dsr-hooks beside its limit; then
// the scale section (bench/lib/scale.js), the pipeline and the fan-out, and every target of
// bench/lib/targets.js as met or MISSED. Environment (README `## Benchmarks`): DATABASE_URL (the
// PostgreSQL server to create the bench databases on; without it an embedded PostgreSQL in a
// temporary directory, as `npm start` would use), BENCH_SECONDS (measured seconds per server and
// row, in two alternating halves; default 6), BENCH_WARMUP (default 2), BENCH_PROFILE=1 (write
// .cpuprofiles of both servers to bench/results/profiles/, summarised by bench/profile-summary.js),
// BENCH_ONLY=<text> (only operations whose name has it), BENCH_SCALE=0 (no scale section),
// BENCH_SCALE_ROWS (its large size, default 1000000), BENCH_SCALE_SECONDS (default 3).
const { execFileSync } = require('node:child_process');
const { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { isDeepStrictEqual } = require('node:util');
const { authHeaders } = require('./lib/auth');
const { createBenchDatabase, seed } = require('./lib/database');
const { log, measureRow, post, untilIdle, SECONDS, WARMUP } = require('./lib/measure');
const {
  contendedReorderOperation,
  createOperation,
  lookupOperation,
  readOperation,
  reorderOperation,
  syncRotation,
} = require('./lib/operations');
const { dsrServerEnv, ROOT, startChild } = require('./lib/processes');
const { printTable } = require('./lib/report');
const { runPipelineBench } = require('./lib/pipeline');
const { printScale, runScaleSection } = require('./lib/scale');
const { checkTargets, printTargets, THRESHOLDS } = require('./lib/targets');

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
    dsr.side = 'dsr';
    limit.side = 'limit';
    dsr.headers = await authHeaders(dsr.url, serverEnv.OAUTH_ROOT_CLIENT_ID, serverEnv.OAUTH_ROOT_CLIENT_SECRET);
    limit.headers = {};

    const rotation = new Map();
    const read = readOperation();
    const lookup = lookupOperation(data.readKeys);
    const reorder10 = reorderOperation(10, data.reorder10, rotation);
    const reorder50 = reorderOperation(50, data.reorder50, rotation);
    const contended = contendedReorderOperation(data.contended);
    const create = createOperation(data.readKeys[0]);
    await checkSameAnswers(dsr, limit, [read, lookup, reorder10, reorder50, contended], db.url, rotation);

    const plan = [
      [read, [1, 8, 32]],
      [lookup, [32]],
      [reorder10, [1, 8, 32]],
      [reorder50, [8, 32]],
      [contended, [32]],
      [create, [8]],
    ];
    const rows = [];
    const only = process.env.BENCH_ONLY;
    const runs = (name) => !only || name.includes(only);
    for (const [operation, concurrencies] of plan.filter(([op]) => runs(op.name))) {
      for (const concurrency of concurrencies) {
        const row = {
          operation: operation.name,
          concurrency,
          ...(await measureRow([dsr, limit], operation, concurrency, { databaseUrl: db.url, rotation })),
        };
        row.ratio = row.limit ? row.dsr.rps / row.limit.rps : NaN;
        rows.push(row);
        const against = row.limit ? ` vs ${row.limit.rps.toFixed(0)} req/s (${row.ratio.toFixed(2)}x)` : ' req/s';
        log(`${row.operation} @${concurrency}: ${row.dsr.rps.toFixed(0)}${against}`);
      }
    }
    const peakRss = [{ name: 'API', mb: dsr.peakRssMb() }];
    const limitPeakRssMb = limit.peakRssMb();
    for (const server of servers.splice(0)) {
      await untilIdle(server);
      await server.stop();
    }

    // BENCH_ONLY runs the scale section, the pipeline and the fan-out only when it names them.
    const scale = process.env.BENCH_SCALE === '0' || (only && !'scale'.includes(only)) ? null : await runScaleSection();
    const pipeline = only && !'pipeline'.includes(only) ? null : await orFailure(runPipelineBench(db));
    const fanout = only && !'fan-out'.includes(only) ? null : await orFailure(runPipelineBench(db, 'fanout'));
    if (scale) peakRss.push(...scale.peakRss);
    if (pipeline?.result.serverPeakRssMb) peakRss.push({ name: 'pipeline', mb: pipeline.result.serverPeakRssMb });
    if (fanout?.result.serverPeakRssMb) peakRss.push({ name: 'fan-out', mb: fanout.result.serverPeakRssMb });
    const targets = checkTargets({ rows, scale, pipeline: pipeline?.result, fanout: fanout?.result, peakRss });
    process.stdout.write('\n');
    if (rows.length) printTable(rows);
    process.stdout.write(`\npeak RSS: dsr-hooks ${peakRss.map((p) => `${p.name} ${p.mb} MB`).join(', ')}; limit ${limitPeakRssMb} MB\n`);
    if (scale) {
      process.stdout.write(`\nscale (bench/lib/scale.js), ${scale.seconds} s per run:\n`);
      printScale(scale);
    }
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
          benchSeconds: seconds,
          thresholds: THRESHOLDS,
          targets,
          rows,
          peakRss,
          limitPeakRssMb,
          scale,
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

/** A sub-bench that fails leaves its targets not run, and the rest of the report stands. */
function orFailure(run) {
  return run.catch((err) => {
    log(err.message);
    return { output: `failed: ${err.message}`, result: { error: err.message } };
  });
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

main().catch((err) => {
  console.error('bench failed:', err);
  process.exitCode = 1;
});
