// A separate process that starts an embedded cluster, for tests of what happens when the app
// exits or is killed. Usage: node embedded-child.js <dataDir> exit|stay
// Prints one JSON line {"url": ...} once PostgreSQL is ready.
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
const { startEmbeddedPostgres } = require('../../src/db/embedded');

const [dataDir, mode] = process.argv.slice(2);
startEmbeddedPostgres({ dataDir }).then(
  (pg) => {
    process.stdout.write(`${JSON.stringify({ url: pg.url })}\n`, () => {
      if (mode === 'exit') process.exit(0);
      else setInterval(() => {}, 60_000);
    });
  },
  (err) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  },
);
