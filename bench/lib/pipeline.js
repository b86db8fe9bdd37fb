'use strict';
const { execFile } = require('node:child_process');
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { benchServerUrl } = require('./database');
const { ROOT } = require('./processes');

/**
 * A benchmark of its own (bench/pipeline.js, bench/fanout.js), when the script exists: run as a
 * child process after the API runs. It prints its figures to stdout and may write them as JSON
 * to BENCH_RESULT_FILE; both are kept. DATABASE_URL is the bench server, BENCH_DATABASE_URL the
 * seeded bench database.
 */
async function runPipelineBench(db, name = 'pipeline') {
  const SCRIPT = join(__dirname, '..', `${name}.js`);
  if (!existsSync(SCRIPT)) return null;
  const resultFile = join(__dirname, '..', 'results', `${name}.json`);
  rmSync(resultFile, { force: true });
  const env = { ...process.env, DATABASE_URL: benchServerUrl(), BENCH_DATABASE_URL: db.url, BENCH_RESULT_FILE: resultFile };
  const output = await new Promise((resolve, reject) => {
    execFile(process.execPath, [SCRIPT], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024, timeout: 600_000 }, (err, stdout, stderr) => {
      if (stderr) process.stderr.write(stderr);
      if (err) reject(new Error(`bench/${name}.js failed${err.killed ? ' (killed after 600 s)' : ''}: ${err.message}`));
      else resolve(stdout.trimEnd());
    });
  });
  const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : { output };
  return { output, result };
}

module.exports = { runPipelineBench };
