'use strict';

const fixed = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** One row per operation and concurrency: dsr-hooks beside its limit. */
function printTable(rows, out = process.stdout) {
  const header = [
    'operation',
    'conc',
    'req/s',
    'p50 ms',
    'p99 ms',
    'SQL/req',
    'SQL ms',
    'CPU ms',
    'limit req/s',
    'limit p99',
    'limit SQL/req',
    'limit SQL ms',
    'limit CPU',
    'ratio',
    'errors',
  ];
  const none = { rps: NaN, p99: NaN, statementsPerRequest: NaN, sqlMsPerRequest: NaN, cpuMsPerRequest: NaN, errors: '-' };
  const lines = rows
    .map((r) => [r, r.limit ?? none])
    .map(([r, limit]) => [
      r.operation,
      String(r.concurrency),
      fixed(r.dsr.rps),
      fixed(r.dsr.p50),
      fixed(r.dsr.p99),
      fixed(r.dsr.statementsPerRequest, 1),
      fixed(r.dsr.sqlMsPerRequest, 1),
      fixed(r.dsr.cpuMsPerRequest, 1),
      fixed(limit.rps),
      fixed(limit.p99),
      fixed(limit.statementsPerRequest, 1),
      fixed(limit.sqlMsPerRequest, 1),
      fixed(limit.cpuMsPerRequest, 1),
      `${fixed(r.ratio, 2)}x`,
      `${r.dsr.errors}/${limit.errors}`,
    ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  out.write(`${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const line of lines) out.write(`${format(line)}\n`);
}

module.exports = { printTable, fixed };
