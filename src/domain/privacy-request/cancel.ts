import type { EntityManager } from '@mikro-orm/postgresql';
import { cancelExpiry } from '../../db/jobs';
import { InvalidInputError } from '../errors';
import { inTransaction } from '../transaction';
import { changeStatus } from './change-status';
import { wrongStatus } from './refusal';
import { isUuid, REQUEST_COLUMNS, type PrivacyRequestView } from './views';

const MAX_CANCEL_REASON = 2000;

/** PENDING or PAUSED -> CANCELED; no webhook is called for it afterwards. */
export async function cancel(em: EntityManager, id: string, reason: string | null | undefined): Promise<PrivacyRequestView> {
  const cancelReason = reason?.trim() || null;
  if (cancelReason && cancelReason.length > MAX_CANCEL_REASON) {
    throw new InvalidInputError(`reason is longer than ${MAX_CANCEL_REASON} characters`);
  }
  return inTransaction(em, async (tx) => {
    const [row] = await changeStatus<PrivacyRequestView>(tx, 'cancel', {
      id: isUuid(id) ? id : null,
      set: { sql: 'cancel_reason = ?, pause_token_id = null, finished_at = now()', params: [cancelReason] },
      returning: REQUEST_COLUMNS,
    });
    if (!row) throw await wrongStatus(tx, id, 'cancel', 'canceled');
    await cancelExpiry(tx, row.id);
    return row;
  });
}
