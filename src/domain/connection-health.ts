import type { EntityManager } from '@mikro-orm/postgresql';
import { arrayParam } from '../db/array-param';
import { query } from '../db/sql';

export interface ConnectionHealthView {
  connectionId: string;
  /** Failed attempts since the last delivered (or halting) one. */
  consecutiveFailures: number;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  lastError: string | null;
  attemptsLast24h: number;
  failuresLast24h: number;
}

/**
 * Health of many connections from their recorded attempts, in one statement. Every subquery is
 * a range of the (connection_config_id, outcome, created_at) index: the latest success and
 * failure are one index entry each, the counts read only the failures since the last success
 * and the last 24 hours, however many deliveries a connection has.
 */
export const CONNECTION_HEALTH_SQL = `select c.id as "connectionId", streak.n as "consecutiveFailures", ok.at as "lastSuccessAt",
    bad.created_at as "lastFailureAt", bad.error as "lastError", day.attempts as "attemptsLast24h", day.failures as "failuresLast24h"
  from unnest(?::uuid[]) as c(id)
  cross join lateral (select max(at) as at from (
      (select created_at as at from webhook_delivery where connection_config_id = c.id and outcome = 'DELIVERED' order by created_at desc limit 1)
      union all
      (select created_at as at from webhook_delivery where connection_config_id = c.id and outcome = 'HALTED' order by created_at desc limit 1)
    ) latest) ok
  left join lateral (select created_at, error from webhook_delivery
      where connection_config_id = c.id and outcome = 'FAILED' order by created_at desc limit 1) bad on true
  cross join lateral (select count(*)::int as n from webhook_delivery
      where connection_config_id = c.id and outcome = 'FAILED' and created_at > coalesce(ok.at, '-infinity')) streak
  cross join lateral (select count(*)::int as attempts, (count(*) filter (where outcome = 'FAILED'))::int as failures from webhook_delivery
      where connection_config_id = c.id and outcome in ('DELIVERED', 'HALTED', 'FAILED') and created_at > now() - interval '24 hours') day`;

/** In the order of ids; a connection without deliveries has zero counts and null times. */
export async function findConnectionHealth(em: EntityManager, connectionIds: readonly string[]): Promise<ConnectionHealthView[]> {
  const rows = await query<ConnectionHealthView>(em, CONNECTION_HEALTH_SQL, [arrayParam(connectionIds)]);
  const byId = new Map(rows.map((r) => [r.connectionId, r]));
  return connectionIds.map((id) => byId.get(id)!);
}
