import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions, type DatabaseTimeouts } from './orm-options';

export type Orm = MikroORM;

/** Connects and applies pending migrations; returns the ORM ready for use. */
export async function initOrm(
  databaseUrl: string,
  opts: { migrate?: boolean; log?: (message: string) => void; poolMax?: number; timeouts?: DatabaseTimeouts } = {},
): Promise<Orm> {
  const orm = await MikroORM.init(ormOptions(databaseUrl, opts.log, opts.poolMax, opts.timeouts));
  if (opts.migrate !== false) await orm.getMigrator().up();
  return orm;
}

/** The database URL without its password, for log lines. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
