import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * A key for one purpose (signing access tokens, signing reply-to tokens), derived with
 * HKDF-SHA256 from APP_ENCRYPTION_KEY: the secrets key itself never signs anything, and a key
 * for one purpose cannot stand in for another.
 */
export function deriveKey(encryptionKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, 'dsr-hooks', purpose, 32));
}

export type OpenedToken = { payload: Record<string, unknown> } | { problem: 'malformed' | 'bad_signature' };

/**
 * "<header>.<payload>.<signature>": the payload is base64url JSON, the signature HMAC-SHA256
 * over "<header>.<payload>", base64url. Access tokens (HS256 JWTs, header {alg, typ}) and
 * reply-to tokens (header "v2") are both this format, each with its own key and header.
 */
export class TokenSigner {
  constructor(
    private readonly key: Buffer,
    private readonly header: string,
  ) {}

  sign(payload: object): string {
    const signed = `${this.header}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
    return `${signed}.${this.mac(signed)}`;
  }

  /** The payload of a token signed with this key and header; a JSON object, else malformed. */
  open(token: string): OpenedToken {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== this.header || !parts[1]) return { problem: 'malformed' };
    const expected = Buffer.from(this.mac(`${parts[0]}.${parts[1]}`), 'utf8');
    const given = Buffer.from(parts[2], 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { problem: 'bad_signature' };
    try {
      const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
      if (typeof payload === 'object' && payload !== null && !Array.isArray(payload))
        return { payload: payload as Record<string, unknown> };
    } catch {
      // fall through: a signed but unreadable payload is still malformed
    }
    return { problem: 'malformed' };
  }

  private mac(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}
