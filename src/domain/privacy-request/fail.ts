import type { EntityManager } from '@mikro-orm/postgresql';
import { attemptLog, existingWebhook } from './attempts';
import { changeStatus } from './change-status';
import type { AttemptRow, Checkpoint, ClaimedRun } from './run';

/** IN_PROCESSING -> ERROR at the checkpoint of the failing webhook, so a retry calls that webhook again. */
export async function fail(
  em: EntityManager,
  run: ClaimedRun,
  attempts: AttemptRow[],
  at: Checkpoint,
  webhookId: string | null,
  reason: string,
): Promise<void> {
  await changeStatus(em, 'fail', {
    id: run.requestId,
    runId: run.runId,
    with: attemptLog(run.requestId, attempts),
    set: {
      sql: `finished_at = now(), failed_step = ?, failed_webhook_id = ${existingWebhook('?::uuid')}, failure_reason = ?, next_step = ?, next_position = ?`,
      params: [at.step, webhookId, reason, at.step, at.order],
    },
  });
}
