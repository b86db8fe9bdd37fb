import type { EntityManager } from '@mikro-orm/postgresql';
import { arrayParam } from './array-param';
import { query } from './sql';

/** The graphile-worker tasks this server defines. */
export const Task = {
  RUN_REQUEST: 'run_privacy_request',
  EXPIRE_PAUSED: 'expire_paused_request',
} as const;

export interface RunJobPayload {
  requestId: string;
  runId: string;
}

export interface ExpireJobPayload {
  requestId: string;
  tokenId: string;
}

/**
 * A run job fails on unexpected errors only (webhook failures end the request instead); five
 * attempts with graphile-worker's backoff span about four minutes.
 */
const RUN_MAX_ATTEMPTS = 5;

/**
 * Queues one run job per request, inside the caller's transaction and on its connection, so
 * the requests and their jobs commit or roll back together. One add_jobs call for the whole
 * batch: add_job per request would run graphile-worker's inserts and NOTIFY once per job.
 * The specs are add_job's defaults (default queue, run now, no key, priority 0).
 */
export async function enqueueRuns(tx: EntityManager, runs: RunJobPayload[]): Promise<void> {
  if (!runs.length) return;
  await query(
    tx,
    `select count(*) from graphile_worker.add_jobs((
       select array_agg((?::text, json_build_object('requestId', r.id, 'runId', r.run_id), null, null, ?::smallint, null, null, null)::graphile_worker.job_spec order by r.n)
       from unnest(?::uuid[], ?::uuid[]) with ordinality as r(id, run_id, n)
     ))`,
    [Task.RUN_REQUEST, RUN_MAX_ATTEMPTS, arrayParam(runs.map((r) => r.requestId)), arrayParam(runs.map((r) => r.runId))],
  );
}

function expiryJobKey(requestId: string): string {
  return `expire-paused:${requestId}`;
}

/** The job that fails the request if it is still paused when its reply-to token expires. */
export async function scheduleExpiry(tx: EntityManager, payload: ExpireJobPayload, runAt: Date): Promise<void> {
  await query(tx, `select graphile_worker.add_job(?, ?::json, run_at => ?::timestamptz, job_key => ?, max_attempts => ?)`, [
    Task.EXPIRE_PAUSED,
    JSON.stringify(payload),
    runAt.toISOString(),
    expiryJobKey(payload.requestId),
    RUN_MAX_ATTEMPTS,
  ]);
}

/** Removes the pending expiry job, in the transaction that resumes or cancels the request. */
export async function cancelExpiry(tx: EntityManager, requestId: string): Promise<void> {
  await query(tx, 'select graphile_worker.remove_job(?)', [expiryJobKey(requestId)]);
}
