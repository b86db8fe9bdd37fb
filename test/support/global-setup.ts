import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded';

/** Read by test/support/database.ts adminUrl(); set only for the embedded cluster. */
export const EMBEDDED_URL_VAR = 'DSR_TEST_EMBEDDED_DATABASE_URL';

declare global {
  var embeddedTestDatabase: { postgres: EmbeddedPostgres; dataDir: string } | undefined;
}

/**
 * Without DATABASE_URL the suite runs on one embedded cluster in a temporary directory,
 * started here before any test file and removed by global-teardown.ts.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'dsr-hooks-test-'));
  chmodSync(dataDir, 0o755); // as root, the cluster's system user must be able to enter it
  try {
    const postgres = await startEmbeddedPostgres({
      dataDir,
      // a throwaway cluster: durability buys nothing here
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
    });
    globalThis.embeddedTestDatabase = { postgres, dataDir };
    process.env[EMBEDDED_URL_VAR] = postgres.url;
    removeOnInterrupt(postgres, dataDir);
    process.stderr.write(`\nDATABASE_URL is not set: the tests run on an embedded PostgreSQL 17 in ${dataDir}\n`);
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** Ctrl-C skips globalTeardown: stop the cluster and remove its directory all the same. */
function removeOnInterrupt(postgres: EmbeddedPostgres, dataDir: string): void {
  const onSignal = (signal: NodeJS.Signals) => {
    void postgres
      .stop()
      .finally(() => rmSync(dataDir, { recursive: true, force: true }))
      .finally(() => process.kill(process.pid, signal));
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
}
