import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';
import { toDate } from './timestamps';

/**
 * Runs a statement (raw SQL with ? bindings, or a knex query) inside the EntityManager's
 * transaction, if any. Rows leave here parsed: timestamps are Dates (see withDates).
 */
export async function query<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string | Knex.QueryBuilder | Knex.Raw,
  params: unknown[] = [],
): Promise<T[]> {
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(sql as never, params, 'all', em.getTransactionContext());
  return withDates(rows) as T[];
}

/**
 * The same as query for a hot read whose text never changes: PostgreSQL parses and plans it once
 * per connection (a named prepared statement) instead of on every call. The values travel as
 * bind parameters, so `name` must always go with the same `sql`; arrays as one `?::uuid[]`
 * (arrayParam), never a list that changes the text. It skips MikroORM's query log.
 */
export async function preparedQuery<T = Record<string, unknown>>(
  em: EntityManager,
  name: string,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const statement = knex(em)
    .raw(sql, params as Knex.RawBinding[])
    .options({ name });
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (transaction) statement.transacting(transaction);
  const result = (await statement) as { rows: Record<string, unknown>[] };
  return withDates(result.rows) as T[];
}

/** Every timestamp column this code selects is named "<something>At" (createdAt, usedAt, ...). */
const TIMESTAMP_COLUMN = /[a-z]At$/;

/**
 * MikroORM's driver hands raw reads timestamptz as PostgreSQL's text and parses it only when it
 * hydrates entities; raw rows (and rows built as JSON) get the same Dates here, once, at the edge.
 */
export function withDates<T extends object>(rows: T[]): T[] {
  if (!Array.isArray(rows) || !rows.length) return rows;
  const columns = Object.keys(rows[0]).filter((column) => TIMESTAMP_COLUMN.test(column));
  if (!columns.length) return rows;
  for (const row of rows as Record<string, unknown>[]) {
    for (const column of columns) {
      const value = row[column];
      if (typeof value === 'string') row[column] = toDate(value);
    }
  }
  return rows;
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
