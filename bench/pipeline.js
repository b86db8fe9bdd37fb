'use strict';
// Pipeline benchmark: 2,000 privacy requests through a policy with 2 pre-webhooks (one two_way)
// and 2 post-webhooks, run by `node dist/main.js serve` (API + worker in one process) against a
// receiver in its own process that takes RECEIVER_DELAY_MS per call. In the same run, the
// receiver's own capacity is measured with a plain keep-alive client (autocannon) at the same
// number of calls in flight as the workers (WORKER_CONCURRENCY). Prints requests/s, webhook
// calls/s, orchestration overhead per call (time not spent waiting on the receiver) and the
// ratio pipeline / receiver (targets in bench/lib/targets.js). Runnable alone after `npm run build`:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/pipeline.js
// Environment: BENCH_REQUESTS (2000), WORKER_CONCURRENCY (8), RECEIVER_DELAY_MS (10),
// BENCH_RESULT_FILE (also write the figures there as JSON), BENCH_KEEP_DATABASE=1 (keep it to look at).
const { writeFileSync } = require('node:fs');
const { cpus, loadavg } = require('node:os');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { withPipelineServer, POLICY_KEY, WEBHOOKS, CONCURRENCY, DELAY_MS, sleep } = require('./lib/pipeline-server');
const { THRESHOLDS } = require('./lib/targets');

const REQUESTS = Number(process.env.BENCH_REQUESTS || 2000);

function runPipelineBenchmark() {
  return withPipelineServer(async ({ db, receiver, gql, cleanup }) => {
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    cleanup.push(() => pg.end());
    const callsBefore = await receiver.calls();
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i += 50) {
      const input = Array.from({ length: Math.min(50, REQUESTS - i) }, (_, j) => ({
        policyKey: POLICY_KEY,
        identity: { email: `subject-${i + j}@example.com` },
      }));
      await gql('mutation($input: [PrivacyRequestInput!]!) { createPrivacyRequests(input: $input) { id } }', { input });
    }
    const createdMs = performance.now() - started;
    for (;;) {
      const { rows } = await pg.query(`select count(*) filter (where status in ('COMPLETE', 'ERROR', 'CANCELED', 'PAUSED'))::int as done,
        count(*) filter (where status <> 'COMPLETE' and status not in ('PENDING', 'IN_PROCESSING'))::int as bad from privacy_request`);
      if (rows[0].bad) throw new Error(`${rows[0].bad} requests did not complete`);
      if (rows[0].done >= REQUESTS) break;
      await sleep(50);
    }
    const elapsedMs = performance.now() - started;
    const calls = (await receiver.calls()) - callsBefore;

    const capacity = await measureReceiver(receiver.url);
    const callsPerSecond = calls / (elapsedMs / 1000);
    return {
      requests: REQUESTS,
      webhooksPerRequest: WEBHOOKS.length,
      workerConcurrency: CONCURRENCY,
      receiverDelayMs: DELAY_MS,
      elapsedSeconds: round(elapsedMs / 1000, 2),
      createSeconds: round(createdMs / 1000, 2),
      requestsPerSecond: round(REQUESTS / (elapsedMs / 1000), 1),
      webhookCallsPerSecond: round(callsPerSecond, 1),
      receiverCallsPerSecond: round(capacity.callsPerSecond, 1),
      receiverLatencyMs: round(capacity.latencyMs, 2),
      // Each of the CONCURRENCY workers spends elapsed/calls-per-worker per call; what is not the receiver's time is ours.
      overheadPerCallMs: round((CONCURRENCY * elapsedMs) / calls - capacity.latencyMs, 2),
      ratio: round(callsPerSecond / capacity.callsPerSecond, 2),
      // The machine is shared: the 1-minute load average at the end says how busy it was.
      loadAverage: round(loadavg()[0], 2),
      cores: cpus().length,
    };
  });
}

function printResult(r) {
  const lines = [
    `requests                    ${r.requests} x ${r.webhooksPerRequest} webhooks, WORKER_CONCURRENCY=${r.workerConcurrency}, receiver ${r.receiverDelayMs} ms per call`,
    `pipeline                    ${r.requestsPerSecond} requests/s, ${r.webhookCallsPerSecond} webhook calls/s (${r.elapsedSeconds} s, creating took ${r.createSeconds} s of it)`,
    `receiver, plain client      ${r.receiverCallsPerSecond} calls/s at ${r.workerConcurrency} connections, ${r.receiverLatencyMs} ms mean latency`,
    `orchestration overhead      ${r.overheadPerCallMs} ms per webhook call (target <= ${THRESHOLDS.pipelineOverheadMs} ms)`,
    `server peak RSS             ${r.serverPeakRssMb} MB`,
    `ratio pipeline / receiver   ${r.ratio} (target >= ${THRESHOLDS.pipelineRatio})`,
    `machine                     load average ${r.loadAverage} on ${r.cores} cores`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function measureReceiver(url) {
  const body = JSON.stringify({
    privacy_request_id: '00000000-0000-4000-8000-000000000000',
    direction: 'one_way',
    callback_type: 'pre',
    identity: { email: 'subject-1@example.com' },
    policy_key: 'bench_pipeline',
    webhook_key: 'pre_notify',
  });
  const run = (duration) =>
    autocannon({
      url: `${url}/pre_notify`,
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
      connections: CONCURRENCY,
      pipelining: 1,
      duration,
    });
  await run(1);
  const result = await run(5);
  return { callsPerSecond: result.requests.average, latencyMs: result.latency.average };
}

const round = (n, digits) => Math.round(n * 10 ** digits) / 10 ** digits;

module.exports = { runPipelineBenchmark, printResult };

if (require.main === module) {
  runPipelineBenchmark().then(
    (result) => {
      printResult(result);
      if (process.env.BENCH_RESULT_FILE) writeFileSync(process.env.BENCH_RESULT_FILE, JSON.stringify(result, null, 2));
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
