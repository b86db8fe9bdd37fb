import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { query } from '../db/sql';
import { cancelExpiry, enqueueRuns } from '../execution/queue';
import { PrivacyRequestStatus } from './enums';
import { InvalidInputError, NotFoundError } from './errors';
import { truncate } from './keys';
import { isUuid, REQUEST_COLUMNS, type PrivacyRequestView } from './privacy-request-views';
import { inTransaction } from './transaction';

const MAX_CANCEL_REASON = 2000;

/**
 * ERROR -> PENDING, queued again from the step and webhook where it failed (the failed
 * webhook's current position, should it have moved since). Compare-and-set on the status, so
 * two concurrent retries queue one run.
 */
export async function retryPrivacyRequest(em: EntityManager, id: string): Promise<PrivacyRequestView> {
  return inTransaction(em, async (tx) => {
    const runId = randomUUID();
    const [row] = await query<PrivacyRequestView>(
      tx,
      `update privacy_request r set status = 'PENDING', run_id = ?,
         next_step = coalesce(r.failed_step, r.next_step),
         next_position = coalesce((select w.position from policy_webhook w where w.id = r.failed_webhook_id), r.next_position),
         failed_step = null, failed_webhook_id = null, failure_reason = null, finished_at = null, updated_at = now()
       where r.id = ? and r.status = 'ERROR'
       returning ${REQUEST_COLUMNS}`,
      [runId, isUuid(id) ? id : null],
    );
    if (!row) throw await wrongStatus(tx, id, 'retried', 'only ERROR requests can be retried');
    await enqueueRuns(tx, [{ requestId: row.id, runId }]);
    return row;
  });
}

/** PENDING or PAUSED -> CANCELED; no webhook is called for it afterwards. */
export async function cancelPrivacyRequest(em: EntityManager, id: string, reason: string | null | undefined): Promise<PrivacyRequestView> {
  const cancelReason = reason?.trim() || null;
  if (cancelReason && cancelReason.length > MAX_CANCEL_REASON) {
    throw new InvalidInputError(`reason is longer than ${MAX_CANCEL_REASON} characters`);
  }
  return inTransaction(em, async (tx) => {
    const [row] = await query<PrivacyRequestView>(
      tx,
      `update privacy_request set status = 'CANCELED', cancel_reason = ?, pause_token_id = null, finished_at = now(), updated_at = now()
       where id = ? and status in ('PENDING', 'PAUSED')
       returning ${REQUEST_COLUMNS}`,
      [cancelReason, isUuid(id) ? id : null],
    );
    if (!row) throw await wrongStatus(tx, id, 'canceled', 'only PENDING or PAUSED requests can be canceled');
    await cancelExpiry(tx, row.id);
    return row;
  });
}

/** NOT_FOUND when the request does not exist; otherwise BAD_USER_INPUT naming its status. */
async function wrongStatus(tx: EntityManager, id: string, verb: string, rule: string): Promise<Error> {
  const [row] = isUuid(id)
    ? await query<{ status: PrivacyRequestStatus }>(tx, 'select status from privacy_request where id = ?', [id])
    : [];
  if (!row) return new NotFoundError(`privacy request "${truncate(id)}" does not exist`);
  return new InvalidInputError(`privacy request "${id}" is ${row.status} and cannot be ${verb}: ${rule}`);
}
