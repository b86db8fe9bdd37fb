import { runMigrations } from 'graphile-worker';
import type { Logger } from '../logger';
import { graphileLogger } from './graphile-logger';

/** Installs or upgrades graphile-worker's schema; must run before the first add_job (db/jobs.ts). */
export async function installQueue(databaseUrl: string, logger: Logger): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: graphileLogger(logger) });
}
