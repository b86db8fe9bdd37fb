#!/usr/bin/env node
// Smoke test of the zero-setup path: the built server (node dist/main.js serve) with no
// DATABASE_URL on a fresh DATA_DIR. Start, write and read over HTTP, refuse a second server,
// restart after SIGTERM, SIGKILL and SIGINT, and check that the data survives every restart.
// Usage: npm run build && node test/smoke/embedded.mjs   (CI runs it from .ci/run, as root)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
// As a fresh clone in `mktemp -d` or /root would: DATA_DIR inside a directory of mode 0700,
// which the cluster's system user (when run as root) cannot enter.
const privateDir = mkdtempSync(join(tmpdir(), 'dsr-hooks-smoke-'));
check((statSync(privateDir).mode & 0o777) === 0o700, 'mkdtemp did not make a 0700 directory');
const dataDir = join(privateDir, '.dsr-hooks');
let pgDir = join(dataDir, 'pg');
const port = await freePort();
const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'info' };
delete env.DATABASE_URL;
delete env.EMBEDDED_PG_PORT;
const started = Date.now();
let server;

function step(message) {
  console.log(`[smoke ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

function check(condition, message) {
  if (!condition) throw new Error(`smoke test failed: ${message}`);
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer()
      .once('error', fail)
      .listen(0, '127.0.0.1', () => {
        const { port: p } = s.address();
        s.close(() => ok(p));
      });
  });
}

function run(extraEnv = {}) {
  const child = spawn(process.execPath, ['dist/main.js', 'serve'], {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.output = '';
  child.stdout.on('data', (d) => (child.output += d));
  child.stderr.on('data', (d) => (child.output += d));
  child.exited = new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  return child;
}

async function startServer() {
  const child = run();
  let gone = false;
  child.exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    check(!gone, `the server exited during start:\n${child.output}`);
    check(Date.now() < deadline, `no healthy /health within 60 s:\n${child.output}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return (server = child);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

async function stopServer(signal) {
  server.kill(signal);
  const { code, signal: killedBy } = await server.exited;
  if (signal !== 'SIGKILL') check(code === 0, `exit code ${code ?? killedBy} after ${signal}:\n${server.output}`);
  server = undefined;
}

/** The postmaster pid while the cluster runs, from PostgreSQL's own lock file. */
function postmasterPid() {
  const file = join(pgDir, 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return !/\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** A root token, from the credentials the server generated in DATA_DIR on its first start. */
async function rootToken() {
  const { clientId, clientSecret } = JSON.parse(readFileSync(join(dataDir, 'root-client.json'), 'utf8'));
  const res = await fetch(`http://127.0.0.1:${port}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  check(res.ok, `POST /oauth/token answered ${res.status}`);
  return (await res.json()).access_token;
}

async function gql(query, variables) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await rootToken()}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  check(!body.errors, `GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function connectionKeys() {
  const data = await gql('{ connectionConfigs(first: 50) { edges { node { key } } } }');
  return data.connectionConfigs.edges.map((e) => e.node.key).sort();
}

async function addConnection(key) {
  await gql('mutation($input: [ConnectionConfigInput!]!) { upsertConnectionConfigs(input: $input) { key } }', {
    input: [{ key, name: `Smoke ${key}`, connectionType: 'HTTPS', access: 'READ' }],
  });
}

try {
  step(`fresh DATA_DIR ${dataDir}, port ${port}`);
  await startServer();
  check(server.output.includes('embedded PostgreSQL'), `the log does not say the embedded PostgreSQL is used:\n${server.output}`);
  pgDir = /using the embedded PostgreSQL 17 in (\S+)/.exec(server.output)?.[1] ?? pgDir;
  check(existsSync(join(pgDir, 'PG_VERSION')), `the start log does not say where the cluster is:\n${server.output}`);
  if (process.getuid?.() === 0) {
    check(!pgDir.startsWith(privateDir), `as root the cluster must live outside the 0700 directory, not in ${pgDir}`);
    check(statSync(pgDir).uid !== 0, `the cluster in ${pgDir} belongs to root`);
  }
  step(`the cluster is in ${pgDir}`);
  await addConnection('smoke_one');
  check((await connectionKeys()).join() === 'smoke_one', 'the mutation result is not readable by a query');
  step('started, wrote and read over HTTP');

  const second = run({ PORT: String(await freePort()) });
  const { code } = await second.exited;
  check(
    code !== 0 && second.output.includes('is in use by another dsr-hooks server'),
    `a second server on the same DATA_DIR did not refuse:\n${second.output}`,
  );
  step('a second server on the same DATA_DIR refused');

  const pidBeforeTerm = postmasterPid();
  await stopServer('SIGTERM');
  check(pidBeforeTerm && !isAlive(pidBeforeTerm), 'PostgreSQL still runs after SIGTERM of the server');
  check(!existsSync(join(dataDir, 'server.lock')), 'the DATA_DIR lock remains after SIGTERM');
  await startServer();
  check((await connectionKeys()).join() === 'smoke_one', 'data lost across a SIGTERM restart');
  await addConnection('smoke_two');
  step('restarted after SIGTERM with the data there');

  const orphan = postmasterPid();
  await stopServer('SIGKILL');
  await startServer();
  check(orphan && !isAlive(orphan) && postmasterPid() !== orphan, 'the PostgreSQL orphaned by SIGKILL was not stopped');
  check(server.output.includes('did not stop cleanly'), `the restart does not report the recovery:\n${server.output}`);
  check((await connectionKeys()).join() === 'smoke_one,smoke_two', 'data lost across a SIGKILL restart');
  step('recovered after SIGKILL of the server with the data there');

  const pidBeforeInt = postmasterPid();
  await stopServer('SIGINT');
  check(!isAlive(pidBeforeInt), 'PostgreSQL still runs after SIGINT of the server');
  step('stopped with SIGINT; smoke test passed');
} catch (err) {
  console.error(err.message);
  process.exitCode = 1;
} finally {
  if (server) {
    server.kill('SIGKILL');
    await server.exited;
  }
  const leftover = postmasterPid();
  if (leftover && isAlive(leftover)) process.kill(leftover, 'SIGQUIT');
  rmSync(privateDir, { recursive: true, force: true });
  if (!pgDir.startsWith(privateDir)) rmSync(dirname(pgDir), { recursive: true, force: true });
}
