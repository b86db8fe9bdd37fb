'use strict';
const { load } = require('./load');
const { syncRotation } = require('./operations');

const SECONDS = Number(process.env.BENCH_SECONDS || 6);
const WARMUP = Number(process.env.BENCH_WARMUP || 2);
const CALIBRATION_REQUESTS = 20;
const ROUNDS = 2;

/**
 * One table row: for each server that has a side in the operation (`server.side`: 'dsr' or
 * 'limit') its statements per request (from a few sequential requests) and a warm-up, then ROUNDS
 * alternating measured runs of `seconds / ROUNDS` each, so that the servers see the same share of
 * whatever else the machine is doing. Returns a summary per side (null for a side not measured).
 */
async function measureRow(
  servers,
  operation,
  concurrency,
  { databaseUrl, rotation, seconds = SECONDS, warmup = WARMUP, calibration = CALIBRATION_REQUESTS } = {},
) {
  const measured = servers.filter((server) => operation[server.side]);
  const runFor = (server, duration) => {
    const { path, bodyFor, onAnswer } = operation[server.side];
    return load({ url: server.url + path, headers: server.headers, connections: concurrency, seconds: duration, bodyFor, onAnswer });
  };
  const totals = new Map();
  for (const server of measured) {
    const { path, bodyFor, onAnswer } = operation[server.side];
    const before = await untilIdle(server);
    for (let i = 0; i < calibration; i++) {
      await post(server, path, bodyFor(0));
      onAnswer?.(0);
    }
    const statementsPerRequest = ((await server.statements()) - before) / calibration;
    if (warmup > 0) await runFor(server, warmup);
    totals.set(server, { statementsPerRequest, requests: 0, errors: 0, p50Weighted: 0, p99: 0, cpuMs: 0, sqlMs: 0 });
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const server of round % 2 ? measured.slice().reverse() : measured) {
      if (operation.policies) await syncRotation(databaseUrl, operation.policies, rotation);
      await untilIdle(server);
      const cpuBefore = server.cpuMs();
      const sqlBefore = await server.sqlWaitMs();
      const result = await runFor(server, seconds / ROUNDS);
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
    rps: total.requests / seconds,
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
  const bySide = { dsr: null, limit: null };
  for (const [server, total] of totals) bySide[server.side] = summary(total);
  return bySide;
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

/** One request; its answer, or an error when it is not 2xx or carries errors. */
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

module.exports = { measureRow, untilIdle, post, log, SECONDS, WARMUP };
