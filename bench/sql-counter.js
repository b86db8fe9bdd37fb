'use strict';
// Preloaded (node --require) into the servers under test, never into production: counts every
// statement the process hands to PostgreSQL through `pg` (BEGIN and COMMIT included) and the
// time from sending each to its answer, and answers the bench runner's { type: 'sql-count' } IPC
// message with the running totals; { type: 'sql-capture', on } answers with the statements captured
// since the last such message and starts (on: true) or stops capturing.
const { dirname } = require('node:path');

let statements = 0;
let waitMs = 0;
// While on, the text and parameters of every statement (for the bench's EXPLAIN of what the server sends).
let captured = null;

function patch(pgModulePath) {
  const { Client } = require(pgModulePath);
  if (Client.prototype.query.__benchCounted) return;
  const original = Client.prototype.query;
  const counted = function query(...args) {
    statements++;
    if (captured && captured.length < 100) {
      const [first, second] = args;
      if (typeof first === 'string') captured.push({ text: first, values: Array.isArray(second) ? second : [] });
      else if (first && typeof first.text === 'string') captured.push({ text: first.text, values: first.values ?? [] });
    }
    const started = performance.now();
    const done = () => {
      waitMs += performance.now() - started;
    };
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last];
      args[last] = function answered(...results) {
        done();
        return callback.apply(this, results);
      };
    } else if (args[0] && typeof args[0].callback === 'function') {
      const callback = args[0].callback;
      args[0].callback = function answered(...results) {
        done();
        return callback.apply(this, results);
      };
    }
    const result = original.apply(this, args);
    if (result && typeof result.then === 'function') result.then(done, done);
    return result;
  };
  counted.__benchCounted = true;
  Client.prototype.query = counted;
}

// Every copy of `pg` the server may load: knex's (the top-level one) and MikroORM's nested one.
const roots = [process.cwd()];
try {
  roots.push(dirname(require.resolve('@mikro-orm/postgresql/package.json', { paths: [process.cwd()] })));
} catch {
  // not a MikroORM process (the limit server)
}
for (const root of roots) patch(require.resolve('pg', { paths: [root] }));

process.on('message', (message) => {
  if (message && message.type === 'sql-count') process.send({ type: 'sql-count', statements, waitMs });
  if (message && message.type === 'sql-capture') {
    process.send({ type: 'sql-capture', statements: captured ?? [] });
    captured = message.on ? [] : null;
  }
});

// Memory as the process sees it, for diagnosing the peak RSS the bench reports.
process.on('message', (message) => {
  if (message && message.type === 'memory') {
    const spaces = require('node:v8')
      .getHeapSpaceStatistics()
      .map((s) => [s.space_name, Math.round(s.space_size / 1048576)]);
    process.send({ type: 'memory', usage: process.memoryUsage(), spaces });
  }
});
