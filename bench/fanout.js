'use strict';
// Fan-out benchmark: FANOUT_SOCKETS (1000) WebSockets, each with one open privacyRequestsChanged
// subscription, on `node dist/main.js serve` (API + worker, as in production) while its pipeline
// completes FANOUT_REQUESTS (200) requests created at FANOUT_RATE (10) per second through the
// policy of bench/pipeline.js. Latency is commit -> delivery: the client's receive time minus
// the row's own timestamp of that status (createdAt, startedAt, finishedAt: the statement's
// transaction time, so slightly more than from the commit). RSS growth is the server's resident
// set with the sockets open (and the events delivered) minus before they opened.
// Targets (bench/lib/targets.js, printed by `npm run bench`): p99, RSS growth. Runnable alone after `npm run build`:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/fanout.js
const { writeFileSync, readFileSync } = require('node:fs');
const { cpus, loadavg } = require('node:os');
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');
const { withPipelineServer, POLICY_KEY, sleep } = require('./lib/pipeline-server');
const { THRESHOLDS } = require('./lib/targets');

const SOCKETS = Number(process.env.FANOUT_SOCKETS || 1000);
const REQUESTS = Number(process.env.FANOUT_REQUESTS || 200);
const RATE = Number(process.env.FANOUT_RATE || 10);
const STATUS_TIME = { PENDING: 'createdAt', IN_PROCESSING: 'startedAt', COMPLETE: 'finishedAt' };

function runFanoutBenchmark() {
  return withPipelineServer(async ({ server, headers, gql, cleanup }) => {
    await createRequests(gql, 20, 50); // warm-up: the pipeline and its code paths are loaded before the baseline
    await sleep(2000);
    const rssBefore = rssMb(server.pid);

    const latencies = [];
    let delivered = 0;
    const completed = new Map();
    const clients = [];
    cleanup.push(async () => Promise.all(clients.map((c) => c.dispose())));
    let subscribed = 0;
    for (let i = 0; i < SOCKETS; i++) {
      const client = createClient({
        url: `${server.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { Authorization: headers.authorization },
        lazy: false,
        retryAttempts: 0,
      });
      clients.push(client);
      client.subscribe(
        { query: 'subscription { privacyRequestsChanged { id status createdAt startedAt finishedAt } }' },
        {
          next({ data }) {
            const received = Date.now();
            const request = data.privacyRequestsChanged;
            const at = request[STATUS_TIME[request.status]];
            if (!at) return;
            delivered++;
            latencies.push(received - Date.parse(at));
            if (request.status === 'COMPLETE') completed.set(request.id, (completed.get(request.id) ?? 0) + 1);
          },
          error: (err) => process.stderr.write(`fanout: subscription failed: ${JSON.stringify(err).slice(0, 200)}\n`),
          complete: () => undefined,
        },
      );
      client.on('connected', () => subscribed++);
      if (i % 100 === 99) await sleep(50);
    }
    for (const deadline = Date.now() + 60_000; subscribed < SOCKETS && Date.now() < deadline;) await sleep(100);
    await sleep(1000);
    const rssOpen = rssMb(server.pid);
    latencies.length = 0;
    delivered = 0;

    const cpuBefore = cpuMs(server.pid);
    const started = performance.now();
    const ids = [];
    for (let i = 0; i < REQUESTS; i++) {
      const due = started + (i * 1000) / RATE;
      await sleep(Math.max(0, due - performance.now()));
      ids.push(...(await createRequests(gql, 1, 1, `fanout-${i}`)));
    }
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !ids.every((id) => completed.get(id) === SOCKETS)) await sleep(100);
    const elapsedMs = performance.now() - started;
    const serverCpuMs = cpuMs(server.pid) - cpuBefore;
    const rssAfter = rssMb(server.pid);
    const sorted = latencies.slice().sort((a, b) => a - b);
    const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
    return {
      sockets: SOCKETS,
      subscribed,
      requests: REQUESTS,
      ratePerSecond: RATE,
      expectedEvents: SOCKETS * REQUESTS * 3,
      deliveredEvents: delivered,
      finalStatesDelivered: ids.reduce((n, id) => n + (completed.get(id) ?? 0), 0),
      seconds: round(elapsedMs / 1000, 1),
      messagesPerSecond: round(delivered / (elapsedMs / 1000), 0),
      // Steadier than latency on a shared machine: the server's CPU (API, worker, fan-out) per delivered event.
      serverCpuMsPerEvent: round(serverCpuMs / Math.max(1, delivered), 3),
      p50Ms: pct(50),
      p99Ms: pct(99),
      maxMs: sorted[sorted.length - 1] ?? NaN,
      rssBeforeMb: rssBefore,
      rssSocketsOpenMb: rssOpen,
      rssAfterMb: rssAfter,
      rssGrowthMb: Math.max(rssOpen, rssAfter) - rssBefore,
      loadAverage: round(loadavg()[0], 2),
      cores: cpus().length,
    };
  });
}

async function createRequests(gql, n, batch, prefix = 'warm') {
  const ids = [];
  for (let i = 0; i < n; i += batch) {
    const input = Array.from({ length: Math.min(batch, n - i) }, (_, j) => ({
      policyKey: POLICY_KEY,
      identity: { email: `${prefix}-${i + j}@example.com` },
    }));
    const data = await gql('mutation($input: [PrivacyRequestInput!]!) { createPrivacyRequests(input: $input) { id } }', { input });
    ids.push(...data.createPrivacyRequests.map((r) => r.id));
  }
  return ids;
}

function printFanout(r) {
  const lines = [
    `sockets                     ${r.subscribed}/${r.sockets} subscribed to privacyRequestsChanged, ${r.requests} requests at ${r.ratePerSecond}/s through the pipeline`,
    `delivered                   ${r.deliveredEvents} of ${r.expectedEvents} status events (${r.messagesPerSecond}/s), final COMPLETE ${r.finalStatesDelivered} of ${r.sockets * r.requests}`,
    `server CPU                  ${r.serverCpuMsPerEvent} ms per delivered event (pipeline included)`,
    `commit -> delivery          p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms (target < ${THRESHOLDS.fanoutP99Ms}), max ${r.maxMs} ms`,
    `server RSS                  ${r.rssBeforeMb} MB before, ${r.rssSocketsOpenMb} MB with the sockets open, ${r.rssAfterMb} MB after the events (growth ${r.rssGrowthMb} MB, target < ${THRESHOLDS.fanoutRssGrowthMb})`,
    `machine                     load average ${r.loadAverage} on ${r.cores} cores`,
    `server peak RSS             ${r.serverPeakRssMb} MB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ 100
}

function rssMb(pid) {
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

const round = (n, digits) => Math.round(n * 10 ** digits) / 10 ** digits;

module.exports = { runFanoutBenchmark, printFanout };

if (require.main === module) {
  runFanoutBenchmark().then(
    (result) => {
      printFanout(result);
      if (process.env.BENCH_RESULT_FILE) writeFileSync(process.env.BENCH_RESULT_FILE, JSON.stringify(result, null, 2));
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
