import type { Config } from '../config';
import type { Logger } from '../logger';
import { describeDatabaseUrl } from './orm';

export interface Database {
  url: string;
  stop(): Promise<void>;
}

/** The PostgreSQL to use: DATABASE_URL when given. */
export async function resolveDatabase(config: Config, logger: Logger): Promise<Database> {
  if (!config.databaseUrl) {
    throw new Error('DATABASE_URL is not set; set it to a postgres:// URL');
  }
  logger.info({ database: describeDatabaseUrl(config.databaseUrl) }, 'using PostgreSQL from DATABASE_URL');
  return { url: config.databaseUrl, stop: async () => {} };
}
