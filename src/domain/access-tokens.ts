import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** What a valid access token says: who it was issued to, what it may do, until when. */
export interface AccessTokenClaims {
  clientId: string;
  scopes: string[];
  /** Seconds since the epoch. */
  expiresAt: number;
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: 'malformed' | 'bad_signature' | 'expired') {
    super(reason === 'expired' ? 'the access token has expired; get a new one at POST /oauth/token' : 'the access token is not valid');
  }
}

const ISSUER = 'dsr-hooks';
// The only header we issue or accept: there is no algorithm negotiation, so "alg: none" or
// key-confusion tricks cannot apply.
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * HS256 JWTs signed with a key derived (HKDF-SHA256) from APP_ENCRYPTION_KEY, so the secrets key
 * itself never signs anything and a token key cannot decrypt secrets.
 */
export class AccessTokenSigner {
  private readonly key: Buffer;

  constructor(encryptionKey: Buffer, private readonly now: () => number = () => Math.floor(Date.now() / 1000)) {
    this.key = Buffer.from(hkdfSync('sha256', encryptionKey, 'dsr-hooks', 'access-token-signing-v1', 32));
  }

  sign(clientId: string, scopes: string[], ttlSeconds: number): { token: string; claims: AccessTokenClaims } {
    const iat = this.now();
    const claims: AccessTokenClaims = { clientId, scopes, expiresAt: iat + ttlSeconds };
    const payload = base64url(JSON.stringify({ iss: ISSUER, sub: clientId, scope: scopes.join(' '), iat, exp: claims.expiresAt }));
    return { token: `${HEADER}.${payload}.${this.mac(`${HEADER}.${payload}`)}`, claims };
  }

  /** Throws InvalidTokenError unless the token is one we signed and it has not expired. */
  verify(token: string): AccessTokenClaims {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) throw new InvalidTokenError('malformed');
    const expected = Buffer.from(this.mac(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidTokenError('bad_signature');
    const body = parsePayload(parts[1]);
    if (body.exp <= this.now()) throw new InvalidTokenError('expired');
    return { clientId: body.sub, scopes: body.scope ? body.scope.split(' ') : [], expiresAt: body.exp };
  }

  private mac(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}

function parsePayload(encoded: string): { sub: string; scope: string; exp: number } {
  try {
    const body = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (body.iss === ISSUER && typeof body.sub === 'string' && typeof body.scope === 'string' && Number.isInteger(body.exp)) return body;
  } catch {
    // fall through: a signed but unreadable payload is still malformed
  }
  throw new InvalidTokenError('malformed');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
