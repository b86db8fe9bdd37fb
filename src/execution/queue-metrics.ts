import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm';
import type { Metrics } from '../metrics';

/**
 * Gauges read from the database when Prometheus scrapes: privacy requests by status, queue jobs
 * by task and state, and each pool's connections. One small query each, per scrape.
 */
export function registerDatabaseGauges(metrics: Metrics, em: EntityManager, pools: Record<string, Orm>): void {
  metrics.gauge('dsr_hooks_privacy_requests', 'Privacy requests in the database, by status', ['status'], async () => {
    const rows: { status: string; n: number }[] = await em
      .getConnection()
      .execute('select status, count(*)::int as n from privacy_request group by status');
    return rows.map((r) => ({ labels: { status: r.status }, value: r.n }));
  });
  metrics.gauge(
    'dsr_hooks_queue_jobs',
    'Queue jobs, by task and state: ready (due), scheduled (later), running (locked), failed (out of attempts)',
    ['task', 'state'],
    async () => {
      const rows: { task: string; state: string; n: number }[] = await em.getConnection().execute(`
      select task_identifier as task,
             case when locked_at is not null then 'running'
                  when attempts >= max_attempts then 'failed'
                  when run_at <= now() then 'ready'
                  else 'scheduled' end as state,
             count(*)::int as n
      from graphile_worker.jobs group by 1, 2`);
      return rows.map((r) => ({ labels: { task: r.task, state: r.state }, value: r.n }));
    },
  );
  metrics.gauge(
    'dsr_hooks_db_pool_connections',
    'Database pool connections, by pool and state (used, free, pending acquires)',
    ['pool', 'state'],
    async () =>
      Object.entries(pools).flatMap(([pool, orm]) => {
        const tarn = (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
        if (!tarn) return [];
        return [
          { labels: { pool, state: 'used' }, value: tarn.numUsed() },
          { labels: { pool, state: 'free' }, value: tarn.numFree() },
          { labels: { pool, state: 'pending' }, value: tarn.numPendingAcquires() },
        ];
      }),
  );
}

/** The parts of knex's tarn pool read here. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}
