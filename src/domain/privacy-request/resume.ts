import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { cancelExpiry, enqueueRuns } from '../../db/jobs';
import { query } from '../../db/sql';
import type { SecretBox } from '../crypto';
import type { PrivacyRequestStatus } from '../enums';
import { InvalidInputError, ReplyTokenRefused } from '../errors';
import { mergeIdentity, type Identity } from '../identity';
import { ReplyTokens } from '../reply-tokens';
import { inTransaction } from '../transaction';
import { changeStatus } from './change-status';
import { canMove } from './transitions';
import { REQUEST_COLUMNS, type PrivacyRequestView } from './views';

export interface ResumeArgs {
  token: string;
  derivedIdentity: Identity;
  /** The request the caller addressed (REST path); a token for another request is refused. */
  requestId?: string;
}

/**
 * PAUSED -> PENDING with the derived identity merged, queued to continue with the next webhook.
 * The token is marked used in the same transaction; a refused call changes nothing. Two
 * concurrent resumes serialise on the token row, and the second finds it used.
 */
export async function resume(em: EntityManager, box: SecretBox, tokens: ReplyTokens, args: ResumeArgs): Promise<PrivacyRequestView> {
  const claims = tokens.verify(args.token);
  if (!claims) throw new ReplyTokenRefused('UNAUTHENTICATED', 'the reply-to token is not valid');
  if (args.requestId !== undefined && args.requestId !== claims.requestId) {
    throw new ReplyTokenRefused('FORBIDDEN', 'the reply-to token belongs to another privacy request');
  }
  if (claims.expiresAt.getTime() <= Date.now()) throw new ReplyTokenRefused('FORBIDDEN', 'the reply-to token has expired');

  return inTransaction(em, async (tx) => {
    const [stored] = await query<{ usedAt: Date | null; tokenHash: string }>(
      tx,
      'select used_at as "usedAt", token_hash as "tokenHash" from reply_token where id = ? for update',
      [claims.tokenId],
    );
    if (stored && stored.tokenHash !== ReplyTokens.hash(args.token))
      throw new ReplyTokenRefused('UNAUTHENTICATED', 'the reply-to token is not valid');
    if (stored?.usedAt) throw new ReplyTokenRefused('FORBIDDEN', 'the reply-to token has already been used');
    const [request] = await query<{ status: PrivacyRequestStatus; pauseTokenId: string | null; identity: string }>(
      tx,
      'select status, pause_token_id as "pauseTokenId", identity from privacy_request where id = ? for update',
      [claims.requestId],
    );
    if (!request) throw new ReplyTokenRefused('FORBIDDEN', 'the privacy request of this reply-to token no longer exists');
    if (!canMove('resume', request.status)) {
      throw new InvalidInputError(
        `privacy request "${claims.requestId}" is ${request.status}, not PAUSED; only a paused request can be resumed`,
      );
    }
    if (request.pauseTokenId !== claims.tokenId) {
      throw new ReplyTokenRefused('FORBIDDEN', 'this reply-to token is not the one that can resume the current pause');
    }

    await query(tx, 'update reply_token set used_at = now() where id = ?', [claims.tokenId]);
    const identity = mergeIdentity(box.decryptJson<Identity>(request.identity), args.derivedIdentity);
    const runId = randomUUID();
    const [row] = await changeStatus<PrivacyRequestView>(tx, 'resume', {
      id: claims.requestId,
      set: {
        // The checkpoint already names the next webhook of the request's own chain.
        sql: 'run_id = ?, identity = ?, pause_token_id = null',
        params: [runId, box.encryptJson(identity)],
      },
      returning: REQUEST_COLUMNS,
    });
    await cancelExpiry(tx, row.id);
    await enqueueRuns(tx, [{ requestId: row.id, runId }]);
    return row;
  });
}
