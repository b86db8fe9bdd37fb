import type { EntityManager } from '@mikro-orm/postgresql';
import { changeStatus } from './change-status';

/**
 * The scheduled job: a request still paused by this token when it expires fails at the halting
 * webhook (the checkpoint moves back onto it), so a retry asks that webhook again.
 */
export async function expire(em: EntityManager, requestId: string, tokenId: string): Promise<boolean> {
  const rows = await changeStatus(em, 'expire', {
    id: requestId,
    set: {
      sql: `finished_at = now(), failed_step = 'PRE_WEBHOOKS', next_position = r.next_position - 1, failed_webhook_id = (select t.webhook_id from reply_token t where t.id = r.pause_token_id),
        failure_reason = 'paused request expired', pause_token_id = null`,
      params: [],
    },
    and: { sql: 'r.pause_token_id = ?', params: [tokenId] },
  });
  return rows.length > 0;
}
