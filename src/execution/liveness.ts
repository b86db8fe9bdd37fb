import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from '../logger';

/**
 * Crash recovery for graphile-worker, which by itself treats a dead worker's locked jobs as
 * stale only after 4 hours. Each process holds a session advisory lock on a dedicated
 * connection and registers its worker ids under that lock's key before they take a job. A
 * registration whose lock is no longer held belongs to a dead process: any process then calls
 * force_unlock_workers for those ids, and their jobs run again. A process whose lock connection
 * breaks can no longer prove it is alive, so it must stop at once (onLost).
 */
export interface Liveness {
  register(workerId: string): Promise<void>;
  /** Releases the jobs of dead processes' workers; returns how many worker ids were dead. */
  recoverDeadWorkers(): Promise<number>;
  stop(): Promise<void>;
}

export interface LivenessOptions {
  databaseUrl: string;
  logger: Logger;
  sweepIntervalMs: number;
  onLost(err: unknown): void;
}

const RECOVER_DEAD_WORKERS = `
  with dead as (
    delete from worker_registration r
    where not exists (
      select 1 from pg_locks l
      where l.locktype = 'advisory' and l.granted and l.objsubid = 1
        and l.database = (select oid from pg_database where datname = current_database())
        and ((l.classid::bigint << 32) | l.objid::bigint) = r.lock_key)
    returning r.worker_id)
  select count(*)::int as n, graphile_worker.force_unlock_workers(coalesce(array_agg(worker_id), '{}'::text[])) from dead`;

export async function startLiveness(options: LivenessOptions): Promise<Liveness> {
  const lockKey = BigInt(randomInt(1, 2 ** 47)) * 4096n + BigInt(randomInt(0, 4096));
  const client = new Client({ connectionString: options.databaseUrl, application_name: 'dsr-hooks liveness' });
  let stopping = false;
  const lost = (err: unknown) => {
    if (stopping) return;
    stopping = true;
    options.onLost(err);
  };
  client.on('error', lost);
  client.on('end', () => lost(new Error('liveness connection closed')));
  await client.connect();
  await client.query('select pg_advisory_lock($1::bigint)', [lockKey.toString()]);
  // One connection, one statement at a time: the sweep and registrations take turns.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  const recoverDeadWorkers = async () => {
    const { rows } = await exclusive(() => client.query<{ n: number }>(RECOVER_DEAD_WORKERS));
    if (rows[0].n) options.logger.warn({ deadWorkers: rows[0].n }, 'released the jobs of workers whose process died');
    return rows[0].n;
  };
  const sweep = setInterval(() => {
    recoverDeadWorkers().catch((err) => options.logger.error({ err }, 'dead-worker sweep failed'));
  }, options.sweepIntervalMs);
  sweep.unref();
  await recoverDeadWorkers();

  return {
    async register(workerId) {
      await exclusive(() =>
        client.query('insert into worker_registration (worker_id, lock_key, registered_at) values ($1, $2, now())', [
          workerId,
          lockKey.toString(),
        ]),
      );
    },
    recoverDeadWorkers,
    async stop() {
      clearInterval(sweep);
      if (stopping) return;
      stopping = true;
      await exclusive(() => client.query('delete from worker_registration where lock_key = $1', [lockKey.toString()])).catch(
        () => undefined,
      );
      await client.end().catch(() => undefined);
    },
  };
}
