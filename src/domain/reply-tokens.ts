import { createHash, randomUUID } from 'node:crypto';
import type { SecretBox } from './crypto';
import { TokenSigner } from './signed-tokens';

/**
 * Reply-to tokens are signed, not stored, when issued: "v2.<payload>.<signature>"
 * (signed-tokens.ts) where the payload binds the token to one request and one webhook and
 * carries its expiry. A row in reply_token is written only when the webhook halts the request;
 * that row records the single use.
 */
export interface ReplyTokenClaims {
  tokenId: string;
  requestId: string;
  webhookId: string;
  expiresAt: Date;
}

/** v1 tokens (before the signing helper was shared with access tokens) are refused as malformed. */
const HEADER = 'v2';
const PURPOSE = 'reply-to-token-signing-v2';

export class ReplyTokens {
  private readonly tokens: TokenSigner;

  constructor(box: SecretBox) {
    this.tokens = new TokenSigner(box.deriveKey(PURPOSE), HEADER);
  }

  issue(requestId: string, webhookId: string, ttlSeconds: number, now = Date.now()): { token: string; claims: ReplyTokenClaims } {
    const claims: ReplyTokenClaims = { tokenId: randomUUID(), requestId, webhookId, expiresAt: new Date(now + ttlSeconds * 1000) };
    return { token: this.tokens.sign({ t: claims.tokenId, r: requestId, w: webhookId, e: claims.expiresAt.getTime() }), claims };
  }

  /** The claims of a token this server signed; null for anything else (malformed or tampered). */
  verify(token: string): ReplyTokenClaims | null {
    const opened = this.tokens.open(token);
    if ('problem' in opened) return null;
    const { t, r, w, e } = opened.payload;
    if (typeof t !== 'string' || typeof r !== 'string' || typeof w !== 'string' || typeof e !== 'number') return null;
    return { tokenId: t, requestId: r, webhookId: w, expiresAt: new Date(e) };
  }

  /** What reply_token stores: the token's SHA-256, never the token. */
  static hash(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }
}
