import type { EntityManager } from '@mikro-orm/postgresql';
import type { RunJobPayload } from '../../db/jobs';
import { changeStatus } from './change-status';

/** After the run job's last attempt failed unexpectedly: ERROR where it stood, so it can be retried. */
export async function giveUp(em: EntityManager, job: RunJobPayload, reason: string): Promise<void> {
  await changeStatus(em, 'giveUp', {
    id: job.requestId,
    runId: job.runId,
    set: { sql: 'finished_at = now(), failed_step = next_step, failure_reason = ?', params: [reason] },
  });
}
