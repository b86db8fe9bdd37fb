import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';

/** Runs a statement (raw SQL with ? bindings, or a knex query) inside the EntityManager's transaction, if any. */
export function query<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string | Knex.QueryBuilder | Knex.Raw,
  params: unknown[] = [],
): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql as never, params, 'all', em.getTransactionContext());
}

export function knex(em: EntityManager): Knex {
  return em.getKnex();
}

/** The PostgreSQL error code (SQLSTATE) of a driver error, also when MikroORM wrapped it. */
export function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; previous?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.previous?.code;
  return typeof code === 'string' ? code : undefined;
}

export function constraintName(err: unknown): string | undefined {
  const e = err as { constraint?: unknown; previous?: { constraint?: unknown } } | undefined;
  const name = e?.constraint ?? e?.previous?.constraint;
  return typeof name === 'string' ? name : undefined;
}
