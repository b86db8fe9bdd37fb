import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { enqueueRuns } from '../../db/jobs';
import { inTransaction } from '../transaction';
import { changeStatus } from './change-status';
import { wrongStatus } from './refusal';
import { isUuid, REQUEST_COLUMNS, type PrivacyRequestView } from './views';

/**
 * ERROR -> PENDING, queued again from the step and webhook of its chain where it failed.
 * Compare-and-set on the status, so two concurrent retries queue one run.
 */
export async function retry(em: EntityManager, id: string): Promise<PrivacyRequestView> {
  return inTransaction(em, async (tx) => {
    const runId = randomUUID();
    const [row] = await changeStatus<PrivacyRequestView>(tx, 'retry', {
      id: isUuid(id) ? id : null,
      set: {
        sql: `run_id = ?, next_step = coalesce(r.failed_step, r.next_step),
          failed_step = null, failed_webhook_id = null, failure_reason = null, finished_at = null`,
        params: [runId],
      },
      returning: REQUEST_COLUMNS,
    });
    if (!row) throw await wrongStatus(tx, id, 'retry', 'retried');
    await enqueueRuns(tx, [{ requestId: row.id, runId }]);
    return row;
  });
}
