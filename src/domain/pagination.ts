import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../db/sql';
import { InvalidInputError } from './errors';
import { KEY_PATTERN, MAX_KEY_LENGTH } from './keys';
import type { Page } from './views';

export const MAX_PAGE_SIZE = 200;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/** Cursors are encoded keys; anything else (including a crafted cursor that decodes to junk) is refused. */
export function decodeCursor(cursor: string): string {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!KEY_PATTERN.test(value) || value.length > MAX_KEY_LENGTH || encodeCursor(value) !== cursor) {
    throw new InvalidInputError(`"after" is not a cursor this API returned`);
  }
  return value;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new InvalidInputError(`"first" must be between 0 and ${MAX_PAGE_SIZE} (got ${size})`);
  }
  return size;
}

/**
 * Keyset page over a table ordered by its unique key column, with the table's total count, in
 * one statement.
 */
export async function pageByKey<T extends { key: string }>(
  em: EntityManager,
  table: string,
  columns: string,
  args: PageArgs,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after) : null;
  const rows = await query<T & { totalCount: string }>(
    em,
    `select ${columns}, (select count(*) from ${table}) as "totalCount" from ${table}
     where (?::text is null or key > ?) order by key limit ?`,
    [after, after, size + 1],
  );
  const totalCount = rows.length ? Number(rows[0].totalCount) : await countAll(em, table);
  const items = rows.slice(0, size).map(({ totalCount: _, ...row }) => row as unknown as T);
  return { items, hasNextPage: rows.length > size, totalCount };
}

async function countAll(em: EntityManager, table: string): Promise<number> {
  const [row] = await query<{ n: string }>(em, `select count(*) as n from ${table}`);
  return Number(row.n);
}
