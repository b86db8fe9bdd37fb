import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { SecretBox } from './crypto';

/**
 * Reply-to tokens are signed, not stored, when issued: "v1.<payload>.<hmac>" where the payload
 * binds the token to one request and one webhook and carries its expiry. A row in reply_token is
 * written only when the webhook halts the request; that row records the single use.
 */
export interface ReplyTokenClaims {
  tokenId: string;
  requestId: string;
  webhookId: string;
  expiresAt: Date;
}

const PURPOSE = 'dsr-hooks reply-to token v1';

export class ReplyTokens {
  private readonly key: Buffer;

  constructor(box: SecretBox) {
    this.key = box.deriveKey(PURPOSE);
  }

  issue(requestId: string, webhookId: string, ttlSeconds: number, now = Date.now()): { token: string; claims: ReplyTokenClaims } {
    const claims: ReplyTokenClaims = { tokenId: randomUUID(), requestId, webhookId, expiresAt: new Date(now + ttlSeconds * 1000) };
    const payload = Buffer.from(
      JSON.stringify({ t: claims.tokenId, r: requestId, w: webhookId, e: claims.expiresAt.getTime() }),
      'utf8',
    ).toString('base64url');
    return { token: `v1.${payload}.${this.sign(payload)}`, claims };
  }

  /** The claims of a token this server signed; null for anything else (malformed or tampered). */
  verify(token: string): ReplyTokenClaims | null {
    const [version, payload, signature, ...rest] = token.split('.');
    if (version !== 'v1' || !payload || !signature || rest.length) return null;
    const expected = Buffer.from(this.sign(payload), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (typeof c.t !== 'string' || typeof c.r !== 'string' || typeof c.w !== 'string' || typeof c.e !== 'number') return null;
      return { tokenId: c.t, requestId: c.r, webhookId: c.w, expiresAt: new Date(c.e) };
    } catch {
      return null;
    }
  }

  /** What reply_token stores: the token's SHA-256, never the token. */
  static hash(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
