'use strict';
const { fork } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { join } = require('node:path');

const COUNTER = join(__dirname, '..', 'sql-counter.js');
const ROOT = join(__dirname, '..', '..');

/** A free TCP port on 127.0.0.1 (asked of the OS, then released for the child to take). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A server under test: a Node child with the statement counter preloaded and an IPC channel. */
async function startChild(name, script, args, env, execArgv = []) {
  const port = await freePort();
  const child = fork(script, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    execArgv: ['--require', COUNTER, ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([
    waitForHealth(url),
    exited.then(({ code }) => Promise.reject(new Error(`${name} exited with code ${code} before it listened`))),
  ]);
  return {
    name,
    url,
    pid: child.pid,
    /** Statements sent to PostgreSQL so far, as counted inside the child. */
    statements: () => ask(child, { type: 'sql-count' }).then((m) => m.statements),
    /** Total ms statements took from being sent to their answer, summed over all of them. */
    sqlWaitMs: () => ask(child, { type: 'sql-count' }).then((m) => m.waitMs),
    /** The statements sent since the last call (with their parameters); capturing goes on while `on`. */
    captureSql: (on) => ask(child, { type: 'sql-capture', on }).then((m) => m.statements),
    /** process.memoryUsage() and V8 heap space sizes (MB) inside the child. */
    memory: () => ask(child, { type: 'memory' }),
    /** CPU time (user + system) the process has used so far, in ms. */
    cpuMs: () => readCpuMs(child.pid),
    /** Peak resident set size (VmHWM) in MB. */
    peakRssMb: () => readPeakRssMb(child.pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        process.stderr.write(`bench: ${name} did not stop within 30 s of SIGTERM; killing it (no CPU profile)\n`);
        child.kill('SIGKILL');
      }, 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** dsr-hooks' environment as in production, with root client credentials for the bench. */
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

/** Waits until GET /health answers (the limit server has no /health: any answer will do). */
async function waitForHealth(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      await res.arrayBuffer();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms: ${err.message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function ask(child, message) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer from the server process')), 5000);
    const onMessage = (answer) => {
      if (answer.type !== message.type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(answer);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

function readCpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function readPeakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

module.exports = { startChild, freePort, dsrServerEnv, readPeakRssMb, ROOT };
