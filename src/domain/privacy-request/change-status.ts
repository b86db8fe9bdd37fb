import type { EntityManager } from '@mikro-orm/postgresql';
import { arrayParam } from '../../db/array-param';
import { notifyRequestChanged } from '../../db/notify';
import { query } from '../../db/sql';
import { TRANSITIONS, type Action } from './transitions';

/** SQL with its `?` bindings, in order. */
export interface Sql {
  sql: string;
  params: unknown[];
}

export interface StatusChange {
  /** The request; null matches nothing (an id that cannot be a uuid). */
  id: string | null;
  /** The run that must still own the request: the worker's writes only touch their own run. */
  runId?: string;
  /** Assignments besides status and updated_at. The request is `r`. */
  set?: Sql;
  /** Another table the assignments or the result read, joined by `and`. */
  from?: string;
  /** Conditions besides id, run and status. */
  and?: Sql;
  /** Common table expressions that run in the same statement (the attempt log). */
  with?: Sql;
  /** The changed row's columns to return; `r.id` when not given. */
  returning?: string;
  /** A select over the changed rows (named `changed`) instead of `returning` alone. */
  select?: string;
  /** Common table expressions after `changed` that read it, for the select (the claim fixes the chain there). */
  withChanged?: string;
}

/**
 * The one compare-and-set every status change goes through: moves the request to the action's
 * status where it is in one the action moves from (and, with runId, still owned by that run).
 * No row back means it is not: the caller decides whether that is an error or a stale job.
 * The same statement publishes the change for subscribers (NOTIFY, sent if it commits).
 * create.ts, the one insert, takes its status from the same table.
 */
export async function changeStatus<T = { id: string }>(em: EntityManager, action: Action, change: StatusChange): Promise<T[]> {
  const { from, to } = TRANSITIONS[action];
  const notice = notifyRequestChanged(
    (from as readonly string[]).every((status) => status === (to as string)) ? 'progress' : 'status',
    'r',
  );
  const update = `update privacy_request r set status = ?, updated_at = now()${change.set ? `, ${change.set.sql}` : ''}
    ${change.from ? `from ${change.from}` : ''}
    where r.id = ? ${change.runId === undefined ? '' : 'and r.run_id = ?'} and r.status = any(?::text[])${change.and ? ` and ${change.and.sql}` : ''}
    returning ${change.returning ?? 'r.id'}, ${notice}`;
  const ctes = [change.with?.sql, change.select ? `changed as (${update})` : null, change.withChanged].filter(Boolean);
  const sql = `${ctes.length ? `with ${ctes.join(', ')} ` : ''}${change.select ?? update}`;
  const params = [
    ...(change.with?.params ?? []),
    to,
    ...(change.set?.params ?? []),
    change.id,
    ...(change.runId === undefined ? [] : [change.runId]),
    arrayParam(from),
    ...(change.and?.params ?? []),
  ];
  return query<T>(em, sql, params);
}
