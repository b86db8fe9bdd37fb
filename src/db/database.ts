import type { Config } from '../config';
import type { Logger } from '../logger';
import { startEmbeddedPostgres } from './embedded';
import { describeDatabaseUrl } from './orm';

export interface Database {
  url: string;
  stop(): Promise<void>;
}

/** The PostgreSQL to use: DATABASE_URL when given, otherwise an embedded one in DATA_DIR (development only). */
export async function resolveDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.databaseUrl) {
    logger.info({ database: describeDatabaseUrl(config.databaseUrl) }, 'using PostgreSQL from DATABASE_URL');
    return { url: config.databaseUrl, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    warn: (message) => logger.warn(message),
  });
  const where = embedded.relocated
    ? `${embedded.pgDir} (outside DATA_DIR ${config.dataDir}, which its system user cannot enter)`
    : embedded.pgDir;
  logger.info(
    { database: 'embedded', dataDir: embedded.pgDir, port: embedded.port },
    `using the embedded PostgreSQL 17 in ${where}, for development only; set DATABASE_URL to use your own PostgreSQL`,
  );
  return embedded;
}

/** The statement and pool-acquire timeouts of every ORM this process opens. */
export function databaseTimeouts(config: Config) {
  return { statementMs: config.databaseStatementTimeoutMs, acquireMs: config.databaseAcquireTimeoutMs };
}
