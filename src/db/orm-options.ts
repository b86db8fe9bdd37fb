import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { entities } from './entities';
import { migrationsList } from './migrations';

export interface DatabaseTimeouts {
  /** statement_timeout of every connection: a slow database fails a statement instead of holding it. */
  statementMs: number;
  /** Longest wait for a pooled connection, connecting included. */
  acquireMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { statementMs: 10_000, acquireMs: 15_000 };

/** MikroORM options shared by the server, the tests and the CLI (mikro-orm.config.ts). */
export function ormOptions(
  databaseUrl: string,
  log: (message: string) => void = () => {},
  poolMax = 4,
  timeouts = DEFAULT_DATABASE_TIMEOUTS,
) {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: 'dist/db/migrations',
      pathTs: 'src/db/migrations',
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    // A few connections keep PostgreSQL busy without its backends and the Node thread fighting over
    // the CPU: on the 2-core bench machine 10 made reads at concurrency 32 slower than at 8.
    pool: { min: 0, max: poolMax, acquireTimeoutMillis: timeouts.acquireMs },
    driverOptions: { connection: { statement_timeout: timeouts.statementMs, connectionTimeoutMillis: timeouts.acquireMs } },
    allowGlobalContext: false,
    debug: false,
    logger: log,
    colors: false,
  });
}
