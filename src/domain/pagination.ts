import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../db/sql';
import { InvalidInputError } from './errors';
import { KEY_PATTERN, MAX_KEY_LENGTH } from './keys';
import type { Page } from './views';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** Relay paging: forward with first/after, or backward with last/before. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  /** Whether to count the whole list (only when the caller shows totalCount: at scale it is the costly part). */
  withCount?: boolean;
}

export interface PageWindow {
  backward: boolean;
  size: number;
  /** The encoded cursor to page from (after, or before when backward). */
  cursor: string | null;
  cursorArg: 'after' | 'before';
}

const given = (value: unknown) => value !== undefined && value !== null;

/** The direction, size and cursor of a page; the argument combinations that mean nothing are refused. */
export function pageWindow(args: PageArgs): PageWindow {
  if (given(args.first) && given(args.last)) {
    throw new InvalidInputError('give "first" or "last", not both: "first" pages forward from "after", "last" backward from "before"');
  }
  if (given(args.after) && given(args.before)) throw new InvalidInputError('give "after" or "before", not both');
  if (given(args.last) && given(args.after)) throw new InvalidInputError('"last" pages backward from "before"; use "first" with "after"');
  if (given(args.first) && given(args.before)) throw new InvalidInputError('"first" pages forward from "after"; use "last" with "before"');
  const backward = given(args.last) || given(args.before);
  return {
    backward,
    size: pageSize(backward ? args.last : args.first, backward ? 'last' : 'first'),
    cursor: (backward ? args.before : args.after) ?? null,
    cursorArg: backward ? 'before' : 'after',
  };
}

function pageSize(value: number | null | undefined, name: string): number {
  const size = value ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new InvalidInputError(`"${name}" must be between 0 and ${MAX_PAGE_SIZE} (got ${size})`);
  }
  return size;
}

export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/** A piece of SQL with its parameters, in order. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/** A list read by keyset: ordered by columns that are unique together, compared as one row value. */
export interface KeysetList {
  table: string;
  columns: string;
  orderColumns: string[];
  descending: boolean;
  /** Narrows the whole list, its count included. */
  filter?: SqlPart;
  /** A scalar subquery giving the filtered list's size when it costs less than count(*). */
  count?: SqlPart;
  /** The SQL row value of a decoded cursor, or null when the text is not one of this list's cursors. */
  cursorValue(decoded: string): SqlPart | null;
}

/**
 * One page of a keyset list, with the list's total count when asked for and whether items lie beyond
 * the cursor on the other side, in one statement (two when the page is empty and there is either). A backward page is
 * read in reverse order and turned around, so both directions return items in list order.
 */
export async function keysetPage<T>(em: EntityManager, list: KeysetList, args: PageArgs): Promise<Page<T>> {
  const { backward, size, cursor, cursorArg } = pageWindow(args);
  const at = cursor === null ? null : cursorValue(list, cursor, cursorArg);
  const key = list.orderColumns.length > 1 ? `(${list.orderColumns.join(', ')})` : list.orderColumns[0];
  const [later, earlier] = list.descending ? ['<', '>'] : ['>', '<'];
  const filter: SqlPart = list.filter ?? { sql: 'true', params: [] };
  const count: SqlPart = !args.withCount
    ? { sql: 'null::bigint', params: [] }
    : (list.count ?? { sql: `(select count(*) from ${list.table} where ${filter.sql})`, params: filter.params });
  // Whether items lie on the far side of the cursor, the cursor's own item included: the nearest
  // one by the index (PostgreSQL drops the ORDER BY of an EXISTS and may scan the table for it).
  const far = backward ? later : earlier;
  const beyond: SqlPart = at
    ? {
        sql: `coalesce((select true from ${list.table} where ${filter.sql} and ${key} ${far}= ${at.sql}
      order by ${orderBy(list, far === '<' ? 'desc' : 'asc')} limit 1), false)`,
        params: [...filter.params, ...at.params],
      }
    : { sql: 'false', params: [] };
  const toward: SqlPart = at ? { sql: `and ${key} ${backward ? earlier : later} ${at.sql}`, params: at.params } : { sql: '', params: [] };
  const direction = list.descending === backward ? 'asc' : 'desc';
  const rows = await query<T & { totalCount: string | null; beyond: boolean }>(
    em,
    `select ${list.columns}, ${count.sql} as "totalCount", ${beyond.sql} as "beyond" from ${list.table}
     where ${filter.sql} ${toward.sql} order by ${orderBy(list, direction)} limit ?`,
    [...count.params, ...beyond.params, ...filter.params, ...toward.params, size + 1],
  );
  const [edge] = rows.length
    ? rows
    : !args.withCount && !at
      ? [{ totalCount: null, beyond: false }]
      : await query<{ totalCount: string | null; beyond: boolean }>(em, `select ${count.sql} as "totalCount", ${beyond.sql} as "beyond"`, [
          ...count.params,
          ...beyond.params,
        ]);
  const items = rows.slice(0, size).map(({ totalCount: _, beyond: __, ...row }) => row as unknown as T);
  if (backward) items.reverse();
  const more = rows.length > size;
  return {
    items,
    hasNextPage: backward ? edge.beyond : more,
    hasPreviousPage: backward ? more : edge.beyond,
    totalCount: edge.totalCount === null ? null : Number(edge.totalCount),
  };
}

function orderBy(list: KeysetList, direction: 'asc' | 'desc'): string {
  return list.orderColumns.map((column) => `${column} ${direction}`).join(', ');
}

/** A request that cannot run as sent, like a bad variable: answered 400, not as a field error. */
class CursorRefused extends InvalidInputError {
  override readonly extensions = { http: { status: 400 } };
}

/** Cursors are encoded values; anything else (including a crafted cursor that decodes to junk) is refused. */
function cursorValue(list: KeysetList, cursor: string, arg: string): SqlPart {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const value = encodeCursor(decoded) === cursor ? list.cursorValue(decoded) : null;
  if (!value) throw new CursorRefused(`"${arg}" is not a cursor this API returned`);
  return value;
}

/** A table listed by its unique key column, in key order. */
export function pageByKey<T>(em: EntityManager, table: string, columns: string, args: PageArgs): Promise<Page<T>> {
  return keysetPage<T>(
    em,
    {
      table,
      columns,
      orderColumns: ['key'],
      descending: false,
      cursorValue: (key) => (KEY_PATTERN.test(key) && key.length <= MAX_KEY_LENGTH ? { sql: '?::text', params: [key] } : null),
    },
    args,
  );
}
