import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** What a valid access token says: who it was issued to, what it may do, until when. */
export interface AccessTokenClaims {
  clientId: string;
  scopes: string[];
  /** Seconds since the epoch. */
  expiresAt: number;
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: 'malformed' | 'bad_signature' | 'expired' | 'not_yet_valid') {
    super(
      reason === 'expired' ? 'the access token has expired; get a new one at POST /oauth/token'
        : reason === 'not_yet_valid' ? 'the access token is not valid yet (iat or nbf is in the future)'
        : 'the access token is not valid',
    );
  }
}

const ISSUER = 'dsr-hooks';
/** Our tokens are for this API only; a token from the same key meant for anything else is refused. */
const AUDIENCE = 'dsr-hooks-api';
/** Clock skew allowed on iat and nbf (seconds), for servers whose clocks differ slightly. */
export const CLOCK_LEEWAY_SECONDS = 30;
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
    const payload = base64url(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: clientId, scope: scopes.join(' '), iat, exp: claims.expiresAt }));
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
    const now = this.now();
    if (body.iat > now + CLOCK_LEEWAY_SECONDS || (body.nbf ?? 0) > now + CLOCK_LEEWAY_SECONDS) throw new InvalidTokenError('not_yet_valid');
    if (body.exp <= now) throw new InvalidTokenError('expired');
    return { clientId: body.sub, scopes: body.scope ? body.scope.split(' ') : [], expiresAt: body.exp };
  }

  private mac(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}

interface Payload {
  sub: string;
  scope: string;
  iat: number;
  exp: number;
  nbf?: number;
}

/** Our claims exactly: our issuer and audience, integer times, nbf optional. */
function parsePayload(encoded: string): Payload {
  try {
    const body = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (
      body.iss === ISSUER && body.aud === AUDIENCE && typeof body.sub === 'string' && typeof body.scope === 'string'
      && Number.isInteger(body.iat) && Number.isInteger(body.exp) && (body.nbf === undefined || Number.isInteger(body.nbf))
    ) return body;
  } catch {
    // fall through: a signed but unreadable payload is still malformed
  }
  throw new InvalidTokenError('malformed');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
