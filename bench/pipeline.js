'use strict';
// Pipeline benchmark: 2,000 privacy requests through a policy with 2 pre-webhooks (one two_way)
// and 2 post-webhooks, run by `node dist/main.js serve` (API + worker in one process) against a
// receiver in its own process that takes RECEIVER_DELAY_MS per call. In the same run, the
// receiver's own capacity is measured with a plain keep-alive client (autocannon) at the same
// number of calls in flight as the workers (WORKER_CONCURRENCY). Prints requests/s, webhook
// calls/s, orchestration overhead per call (time not spent waiting on the receiver) and the
// ratio pipeline / receiver (target >= 0.5). Runnable alone after `npm run build`:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/pipeline.js
// Environment: BENCH_REQUESTS (2000), WORKER_CONCURRENCY (8), RECEIVER_DELAY_MS (10),
// BENCH_RESULT_FILE (also write the figures there as JSON), BENCH_KEEP_DATABASE=1 (keep it to look at).
const { fork, spawn } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { cpus, loadavg } = require('node:os');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { createBenchDatabase } = require('./lib/database');
const { freePort } = require('./lib/processes');

const ROOT = join(__dirname, '..');
const REQUESTS = Number(process.env.BENCH_REQUESTS || 2000);
const CONCURRENCY = Number(process.env.WORKER_CONCURRENCY || 8);
const DELAY_MS = Number(process.env.RECEIVER_DELAY_MS || 10);
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const ROOT_CLIENT = { id: 'pipeline-bench-root', secret: 'pipeline-bench-root-secret-0123456789abcdef' };
const WEBHOOKS = [
  { key: 'pre_notify', direction: 'ONE_WAY', phase: 'pre' },
  { key: 'pre_lookup', direction: 'TWO_WAY', phase: 'pre' },
  { key: 'post_notify', direction: 'ONE_WAY', phase: 'post' },
  { key: 'post_confirm', direction: 'ONE_WAY', phase: 'post' },
];

async function runPipelineBenchmark() {
  const db = await createBenchDatabase();
  const cleanup = [];
  try {
    const receiver = await startReceiver();
    cleanup.push(() => receiver.stop());
    const server = await startServer(db.url);
    cleanup.push(() => server.stop());
    const headers = { 'content-type': 'application/json', ...(await authHeaders(server.url)) };
    const gql = graphqlClient(server.url, headers);
    await setUpPolicy(gql, receiver.url);

    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    cleanup.push(() => pg.end());
    const callsBefore = await receiver.calls();
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i += 50) {
      const input = Array.from({ length: Math.min(50, REQUESTS - i) }, (_, j) => ({
        policyKey: 'bench_pipeline',
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
    const result = {
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
      target: 0.5,
      // The machine is shared: the 1-minute load average at the end says how busy it was.
      loadAverage: round(loadavg()[0], 2),
      cores: cpus().length,
    };
    return result;
  } finally {
    for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
    if (process.env.BENCH_KEEP_DATABASE === '1') process.stderr.write(`kept ${db.url}\n`);
    else await db.drop();
  }
}

function printResult(r) {
  const lines = [
    `requests                    ${r.requests} x ${r.webhooksPerRequest} webhooks, WORKER_CONCURRENCY=${r.workerConcurrency}, receiver ${r.receiverDelayMs} ms per call`,
    `pipeline                    ${r.requestsPerSecond} requests/s, ${r.webhookCallsPerSecond} webhook calls/s (${r.elapsedSeconds} s, creating took ${r.createSeconds} s of it)`,
    `receiver, plain client      ${r.receiverCallsPerSecond} calls/s at ${r.workerConcurrency} connections, ${r.receiverLatencyMs} ms mean latency`,
    `orchestration overhead      ${r.overheadPerCallMs} ms per webhook call`,
    `ratio pipeline / receiver   ${r.ratio} (target >= ${r.target}) ${r.ratio >= r.target ? 'ok' : 'BELOW TARGET'}`,
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

async function setUpPolicy(gql, receiverUrl) {
  await gql('mutation($input: [ConnectionConfigInput!]!) { upsertConnectionConfigs(input: $input) { key } }', {
    input: WEBHOOKS.map((w) => ({ key: `bench_${w.key}`, name: `bench ${w.key}`, connectionType: 'HTTPS', access: 'WRITE' })),
  });
  for (const w of WEBHOOKS) {
    await gql('mutation($key: String!, $s: ConnectionSecretsInput!) { setConnectionSecrets(key: $key, secrets: $s) { key } }', {
      key: `bench_${w.key}`,
      s: { https: { url: `${receiverUrl}/${w.key}`, authorization: 'Bearer bench-webhook-secret' } },
    });
  }
  await gql('mutation { upsertPolicies(input: [{ key: "bench_pipeline", name: "bench pipeline" }]) { key } }');
  for (const [phase, mutation] of [
    ['pre', 'setPreWebhooks'],
    ['post', 'setPostWebhooks'],
  ]) {
    const webhooks = WEBHOOKS.filter((w) => w.phase === phase).map((w) => ({
      key: w.key,
      direction: w.direction,
      connectionConfigKey: `bench_${w.key}`,
    }));
    await gql(`mutation($w: [WebhookInput!]!) { ${mutation}(policyKey: "bench_pipeline", webhooks: $w) { key } }`, { w: webhooks });
  }
}

function graphqlClient(url, headers) {
  return async (query, variables) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = await res.json();
    if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

/** A bearer token for the root client, or no header while the server has no /oauth/token. */
async function authHeaders(url) {
  const res = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: ROOT_CLIENT.id, client_secret: ROOT_CLIENT.secret }),
  });
  if (res.status === 404) return {};
  if (!res.ok) throw new Error(`POST /oauth/token answered ${res.status}`);
  return { authorization: `Bearer ${(await res.json()).access_token}` };
}

async function startReceiver() {
  const child = fork(join(__dirname, 'pipeline-receiver.js'), [], {
    env: { ...process.env, RECEIVER_DELAY_MS: String(DELAY_MS) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    calls: async () => (await (await fetch(`${url}/stats`)).json()).calls,
    stop: async () => {
      child.kill('SIGTERM');
    },
  };
}

async function startServer(databaseUrl) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'main.js'), 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      APP_ENCRYPTION_KEY: 'bench-key-0123456789abcdef012345',
      WORKER_CONCURRENCY: String(CONCURRENCY),
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      OAUTH_ROOT_CLIENT_ID: ROOT_CLIENT.id,
      OAUTH_ROOT_CLIENT_SECRET: ROOT_CLIENT.secret,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dsr-hooks exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('dsr-hooks did not start');
    await sleep(100);
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (n, digits) => Math.round(n * 10 ** digits) / 10 ** digits;

module.exports = { runPipelineBenchmark, printResult, startReceiver, startServer, authHeaders, graphqlClient, setUpPolicy };

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
