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
  const lines = rows.map((r) => [
    r.operation,
    String(r.concurrency),
    fixed(r.dsr.rps),
    fixed(r.dsr.p50),
    fixed(r.dsr.p99),
    fixed(r.dsr.statementsPerRequest, 1),
    fixed(r.dsr.sqlMsPerRequest, 1),
    fixed(r.dsr.cpuMsPerRequest, 1),
    fixed(r.limit.rps),
    fixed(r.limit.p99),
    fixed(r.limit.statementsPerRequest, 1),
    fixed(r.limit.sqlMsPerRequest, 1),
    fixed(r.limit.cpuMsPerRequest, 1),
    `${fixed(r.ratio, 2)}x`,
    `${r.dsr.errors}/${r.limit.errors}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  out.write(`${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const line of lines) out.write(`${format(line)}\n`);
}

/** The pass/fail line of each target the issue sets. */
function checkTargets(rows, peakRssMb) {
  const find = (op, c) => rows.find((r) => r.operation.startsWith(op) && r.concurrency === c);
  const read8 = find('read', 8);
  const read32 = find('read', 32);
  const readRows = rows.filter((r) => r.operation.startsWith('read'));
  const reorders = rows.filter((r) => r.operation.startsWith('reorder'));
  const statements = readRows.map((r) => r.dsr.statementsPerRequest);
  return [
    target(
      'read SQL statements per request constant, 3-5',
      statements.every((s) => s === statements[0] && s >= 3 && s <= 5),
      statements.map((s) => fixed(s, 1)).join(', '),
    ),
    target('read at concurrency 8 >= 0.3x limit', read8 && read8.ratio >= 0.3, read8 && `${fixed(read8.ratio, 2)}x`),
    target(
      'read req/s does not fall from 8 to 32',
      read8 && read32 && read32.dsr.rps >= read8.dsr.rps * 0.95,
      read8 && read32 && `${fixed(read8.dsr.rps)} -> ${fixed(read32.dsr.rps)}`,
    ),
    target('read p99 at concurrency 32 < 1 s', read32 && read32.dsr.p99 < 1000, read32 && `${fixed(read32.dsr.p99)} ms`),
    target('peak RSS < 300 MB', peakRssMb < 300, `${peakRssMb} MB`),
    target(
      'reorder >= 0.7x limit',
      reorders.length > 0 && reorders.every((r) => r.ratio >= 0.7),
      reorders.map((r) => `${fixed(r.ratio, 2)}x`).join(', '),
    ),
  ];
}

function target(name, met, measured) {
  return { target: name, met: Boolean(met), measured: measured || '-' };
}

function printTargets(targets, out = process.stdout) {
  for (const t of targets) out.write(`${t.measured === '-' ? 'n/a   ' : t.met ? 'met   ' : 'MISSED'}  ${t.target}: ${t.measured}\n`);
}

module.exports = { printTable, checkTargets, printTargets };
