'use strict';
// Every target the bench checks, in one table (issue 13's list, plus the older guards of issue 4),
// and the one place that decides met or MISSED from a run's figures.

const THRESHOLDS = {
  // privacyRequests(first: 50) at the scale size, concurrency 8, every variant (status, deep page, totalCount).
  scaleListP99Ms: 25,
  // privacyRequests req/s at the scale size over req/s at the small size, same variant and concurrency.
  scaleRpsRatio: 0.8,
  // policy(key) with its webhooks at concurrency 32, over the limit.
  lookupRatio: 0.9,
  // Every reorder row (the contended one included), over the limit.
  reorderRatio: 0.8,
  // read policies(first: 100) at concurrency 8 and 32, over the limit.
  readRatio: 0.5,
  // Server CPU per read over the limit's, every read row.
  readCpuRatio: 5,
  // Peak RSS of every dsr-hooks server the bench starts.
  peakRssMb: 250,
  // Webhook calls/s through the pipeline over the receiver's own capacity; time per call not spent at the receiver.
  pipelineRatio: 0.85,
  pipelineOverheadMs: 2,
  // createPrivacyRequests of 50 per call at concurrency 8: privacy requests (not calls) per second.
  createRps: 4000,
  // Fan-out (bench/fanout.js): commit -> delivery p99, RSS growth for its sockets.
  fanoutP99Ms: 250,
  fanoutRssGrowthMb: 100,
  // Older guards (issue 4): statements per read, read p99 at 32.
  readStatements: [3, 5],
  readP99At32Ms: 1000,
};

const fixed = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const ratio = (r) => `${fixed(r, 2)}x`;

/**
 * The targets of one run: `rows` of the API table, `scale` of the scale section (null when skipped),
 * `pipeline` and `fanout` results (null when not run), `peakRss` [{ name, mb }] of every dsr-hooks server.
 */
function checkTargets({ rows, scale, pipeline, fanout, peakRss }) {
  const T = THRESHOLDS;
  const find = (op, c) => rows.find((r) => r.operation.startsWith(op) && r.concurrency === c);
  const readRows = rows.filter((r) => r.operation.startsWith('read'));
  const reads = [find('read', 8), find('read', 32)].filter(Boolean);
  const read8 = find('read', 8);
  const read32 = find('read', 32);
  const lookup = find('lookup', 32);
  const reorders = rows.filter((r) => r.operation.startsWith('reorder'));
  const create = find('create', 8);
  const statements = readRows.map((r) => r.dsr.statementsPerRequest);
  const cpuRatios = readRows.map((r) => r.dsr.cpuMsPerRequest / r.limit.cpuMsPerRequest);
  const targets = [];
  const add = (name, ran, met, measured) => targets.push({ target: name, met: ran ? Boolean(met) : null, measured: ran ? measured : '-' });

  if (scale) {
    const big = scale.rows.filter((r) => r.size === scale.size && r.list);
    const at8 = big.filter((r) => r.concurrency === 8);
    for (const counted of [false, true]) {
      const subset = at8.filter((r) => r.withCount === counted);
      add(
        `privacyRequests at ${scale.size} rows, c=8, p99 < ${T.scaleListP99Ms} ms ${counted ? 'with' : 'without'} totalCount`,
        subset.length > 0,
        subset.every((r) => r.p99 < T.scaleListP99Ms),
        subset.map((r) => `${r.variant} ${fixed(r.p99)} ms`).join(', '),
      );
    }
    const pairs = big.map((r) => {
      const small = scale.rows.find((s) => s.size === scale.smallSize && s.operation === r.operation && s.concurrency === r.concurrency);
      return { r, ratio: small ? r.rps / small.rps : NaN };
    });
    const worst = pairs.reduce((a, b) => (!a || !(b.ratio >= a.ratio) ? b : a), null);
    add(
      `privacyRequests req/s at ${scale.size} >= ${T.scaleRpsRatio}x at ${scale.smallSize}, every variant at c=1 and 8`,
      pairs.length > 0,
      pairs.every((p) => p.ratio >= T.scaleRpsRatio),
      worst &&
        `lowest ${ratio(worst.ratio)} (${worst.r.variant} c=${worst.r.concurrency}); ${pairs.filter((p) => !(p.ratio >= T.scaleRpsRatio)).length} of ${pairs.length} below`,
    );
    const unindexed = scale.explains.filter((e) => e.seqScans.length > 0);
    add(
      `every list query uses an index at ${scale.size} rows (EXPLAIN: no sequential scan of a table over 10,000 rows)`,
      scale.explains.length > 0,
      unindexed.length === 0,
      unindexed.length
        ? unindexed.map((e) => `${e.operation}: seq scan of ${e.seqScans.join(', ')}`).join('; ')
        : `${scale.explains.length} queries`,
    );
  }
  add(`lookup policy(key) c=32 >= ${T.lookupRatio}x limit`, lookup, lookup?.ratio >= T.lookupRatio, lookup && ratio(lookup.ratio));
  add(
    `reorder >= ${T.reorderRatio}x limit, every row`,
    reorders.length > 0,
    reorders.every((r) => r.ratio >= T.reorderRatio),
    reorders.map((r) => `${ratio(r.ratio)} (${r.operation.replace('reorder ', '')} c=${r.concurrency})`).join(', '),
  );
  add(
    `read c=8 and c=32 >= ${T.readRatio}x limit`,
    reads.length > 0,
    reads.every((r) => r.ratio >= T.readRatio),
    reads.map((r) => `c=${r.concurrency} ${ratio(r.ratio)}`).join(', '),
  );
  add(
    `server CPU per read <= ${T.readCpuRatio}x limit's, every read row`,
    readRows.length > 0,
    cpuRatios.every((r) => r <= T.readCpuRatio),
    readRows
      .map(
        (r, i) =>
          `c=${r.concurrency} ${fixed(r.dsr.cpuMsPerRequest, 1)} vs ${fixed(r.limit.cpuMsPerRequest, 1)} ms (${ratio(cpuRatios[i])})`,
      )
      .join(', '),
  );
  const peak = Math.max(...peakRss.map((p) => p.mb));
  add(
    `peak RSS of dsr-hooks <= ${T.peakRssMb} MB during the whole bench`,
    peakRss.length > 0,
    peak <= T.peakRssMb,
    `${peak} MB (${peakRss.map((p) => `${p.name} ${p.mb}`).join(', ')})`,
  );
  add(
    `pipeline >= ${T.pipelineRatio}x receiver`,
    pipeline?.ratio !== undefined,
    pipeline?.ratio >= T.pipelineRatio,
    pipeline && ratio(pipeline.ratio),
  );
  add(
    `pipeline overhead <= ${T.pipelineOverheadMs} ms per webhook call`,
    pipeline?.overheadPerCallMs !== undefined,
    pipeline?.overheadPerCallMs <= T.pipelineOverheadMs,
    pipeline && `${fixed(pipeline.overheadPerCallMs, 2)} ms`,
  );
  add(
    `createPrivacyRequests (50 per call) c=8 >= ${T.createRps} requests/s`,
    create,
    create?.dsr.rps * 50 >= T.createRps,
    create && `${fixed(create.dsr.rps * 50)} requests/s (${fixed(create.dsr.rps)} calls/s)`,
  );
  add(`fan-out p99 < ${T.fanoutP99Ms} ms`, fanout?.p99Ms !== undefined, fanout?.p99Ms < T.fanoutP99Ms, fanout && `${fanout.p99Ms} ms`);
  add(
    `fan-out RSS growth < ${T.fanoutRssGrowthMb} MB`,
    fanout?.rssGrowthMb !== undefined,
    fanout?.rssGrowthMb < T.fanoutRssGrowthMb,
    fanout && `${fanout.rssGrowthMb} MB for ${fanout.sockets} sockets`,
  );
  const [low, high] = T.readStatements;
  add(
    `read SQL statements per request constant, ${low}-${high}`,
    statements.length > 0,
    statements.every((s) => s === statements[0] && s >= low && s <= high),
    statements.map((s) => fixed(s, 2)).join(', '),
  );
  add(
    'read req/s does not fall from 8 to 32',
    read8 && read32,
    read32?.dsr.rps >= read8?.dsr.rps * 0.95,
    read8 && read32 && `${fixed(read8.dsr.rps)} -> ${fixed(read32.dsr.rps)}`,
  );
  add(`read p99 at c=32 < ${T.readP99At32Ms} ms`, read32, read32?.dsr.p99 < T.readP99At32Ms, read32 && `${fixed(read32.dsr.p99)} ms`);
  return targets;
}

function printTargets(targets, out = process.stdout) {
  for (const t of targets) out.write(`${t.met === null ? 'not run' : t.met ? 'met    ' : 'MISSED '}  ${t.target}: ${t.measured}\n`);
}

module.exports = { THRESHOLDS, checkTargets, printTargets };
