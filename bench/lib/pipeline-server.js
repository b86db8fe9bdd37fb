'use strict';
// The set-up bench/pipeline.js and bench/fanout.js share: a fresh bench database, the webhook
// receiver in its own process, `node dist/main.js serve` (API and worker, as in production) and
// the policy `bench_pipeline` with 2 pre-webhooks (one two_way) and 2 post-webhooks calling it.
const { fork, spawn } = require('node:child_process');
const { join } = require('node:path');
const { authHeaders } = require('./auth');
const { createBenchDatabase } = require('./database');
const { freePort, readPeakRssMb, ROOT } = require('./processes');

const CONCURRENCY = Number(process.env.WORKER_CONCURRENCY || 8);
const DELAY_MS = Number(process.env.RECEIVER_DELAY_MS || 10);
const ROOT_CLIENT = { id: 'pipeline-bench-root', secret: 'pipeline-bench-root-secret-0123456789abcdef' };
const POLICY_KEY = 'bench_pipeline';
const WEBHOOKS = [
  { key: 'pre_notify', direction: 'ONE_WAY', phase: 'pre' },
  { key: 'pre_lookup', direction: 'TWO_WAY', phase: 'pre' },
  { key: 'post_notify', direction: 'ONE_WAY', phase: 'post' },
  { key: 'post_confirm', direction: 'ONE_WAY', phase: 'post' },
];

// Stopped from outside (bench/lib/pipeline.js's timeout): the receiver and the server go too.
const children = new Set();
process.once('SIGTERM', () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(143);
});

/**
 * Runs fn({ db, receiver, server, headers, gql }) on a freshly set-up pipeline and removes it all
 * afterwards (BENCH_KEEP_DATABASE=1 keeps the database to look at). fn may push more clean-ups
 * onto `cleanup`; they run first. The result carries the server's peak RSS (`serverPeakRssMb`).
 */
async function withPipelineServer(fn) {
  const db = await createBenchDatabase();
  const cleanup = [];
  try {
    const receiver = await startReceiver();
    cleanup.push(() => receiver.stop());
    const server = await startServer(db.url);
    cleanup.push(() => server.stop());
    const headers = { 'content-type': 'application/json', ...(await authHeaders(server.url, ROOT_CLIENT.id, ROOT_CLIENT.secret)) };
    const gql = graphqlClient(server.url, headers);
    await setUpPolicy(gql, receiver.url);
    const result = await fn({ db, receiver, server, headers, gql, cleanup });
    return { ...result, serverPeakRssMb: readPeakRssMb(server.pid) };
  } finally {
    for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
    if (process.env.BENCH_KEEP_DATABASE === '1') process.stderr.write(`kept ${db.url}\n`);
    else await db.drop();
  }
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
  await gql(`mutation { upsertPolicies(input: [{ key: "${POLICY_KEY}", name: "bench pipeline" }]) { key } }`);
  for (const [phase, mutation] of [
    ['pre', 'setPreWebhooks'],
    ['post', 'setPostWebhooks'],
  ]) {
    const webhooks = WEBHOOKS.filter((w) => w.phase === phase).map((w) => ({
      key: w.key,
      direction: w.direction,
      connectionConfigKey: `bench_${w.key}`,
    }));
    await gql(`mutation($w: [WebhookInput!]!) { ${mutation}(policyKey: "${POLICY_KEY}", webhooks: $w) { key } }`, { w: webhooks });
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

async function startReceiver() {
  const child = fork(join(__dirname, '..', 'pipeline-receiver.js'), [], {
    env: { ...process.env, RECEIVER_DELAY_MS: String(DELAY_MS) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
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
  children.add(child);
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

module.exports = { withPipelineServer, POLICY_KEY, WEBHOOKS, CONCURRENCY, DELAY_MS, sleep };
