import type { EntityManager } from '@mikro-orm/postgresql';
import { scheduleExpiry } from '../../db/jobs';
import { query } from '../../db/sql';
import type { ReplyTokenClaims } from '../reply-tokens';
import { inTransaction } from '../transaction';
import { existingWebhook } from './attempts';
import { changeStatus } from './change-status';
import type { ClaimedRun, Progress } from './run';
import { progressChange } from './save-progress';

/**
 * IN_PROCESSING -> PAUSED after a halting pre-execution webhook: the checkpoint moves past it,
 * the reply-to token's row is written (it records the single use), and the expiry job is
 * scheduled, all in one transaction.
 */
export async function pause(
  em: EntityManager,
  run: ClaimedRun,
  progress: Progress,
  token: { claims: ReplyTokenClaims; hash: string },
): Promise<void> {
  const { claims } = token;
  await inTransaction(em, async (tx) => {
    const also = { sql: 'paused_at = now(), pause_token_id = ?', params: [claims.tokenId] };
    const rows = await changeStatus(tx, 'pause', progressChange(run, progress, also));
    if (!rows.length) return;
    await query(
      tx,
      `insert into reply_token (id, privacy_request_id, webhook_id, token_hash, expires_at, created_at)
       values (?, ?, ${existingWebhook('?::uuid')}, ?, ?, now())`,
      [claims.tokenId, run.requestId, claims.webhookId, token.hash, claims.expiresAt.toISOString()],
    );
    await scheduleExpiry(tx, { requestId: run.requestId, tokenId: claims.tokenId }, claims.expiresAt);
  });
}
