import { deriveKey, TokenSigner } from './signed-tokens';

/** What a valid access token says: who it was issued to, what it may do, until when. */
export interface AccessTokenClaims {
  clientId: string;
  scopes: string[];
  /** Seconds since the epoch. */
  expiresAt: number;
}

export class InvalidTokenError extends Error {
  constructor(
    readonly reason: 'malformed' | 'bad_signature' | 'expired' | 'not_yet_valid' | 'revoked',
    message?: string,
  ) {
    super(
      message ??
        (reason === 'expired'
          ? 'the access token has expired; get a new one at POST /oauth/token'
          : reason === 'not_yet_valid'
            ? 'the access token is not valid yet (iat or nbf is in the future)'
            : 'the access token is not valid'),
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
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' }), 'utf8').toString('base64url');

/** HS256 JWTs (signed-tokens.ts) with a key of their own derived from APP_ENCRYPTION_KEY. */
export class AccessTokenSigner {
  private readonly tokens: TokenSigner;

  constructor(
    encryptionKey: Buffer,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.tokens = new TokenSigner(deriveKey(encryptionKey, 'access-token-signing-v1'), HEADER);
  }

  sign(clientId: string, scopes: string[], ttlSeconds: number): { token: string; claims: AccessTokenClaims } {
    const iat = this.now();
    const claims: AccessTokenClaims = { clientId, scopes, expiresAt: iat + ttlSeconds };
    return {
      token: this.tokens.sign({ iss: ISSUER, aud: AUDIENCE, sub: clientId, scope: scopes.join(' '), iat, exp: claims.expiresAt }),
      claims,
    };
  }

  /** Throws InvalidTokenError unless the token is one we signed and it has not expired. */
  verify(token: string): AccessTokenClaims {
    const opened = this.tokens.open(token);
    if ('problem' in opened) throw new InvalidTokenError(opened.problem);
    const body = parsePayload(opened.payload);
    const now = this.now();
    if (body.iat > now + CLOCK_LEEWAY_SECONDS || (body.nbf ?? 0) > now + CLOCK_LEEWAY_SECONDS) throw new InvalidTokenError('not_yet_valid');
    if (body.exp <= now) throw new InvalidTokenError('expired');
    return { clientId: body.sub, scopes: body.scope ? body.scope.split(' ') : [], expiresAt: body.exp };
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
function parsePayload(body: Record<string, unknown>): Payload {
  if (
    body.iss === ISSUER &&
    body.aud === AUDIENCE &&
    typeof body.sub === 'string' &&
    typeof body.scope === 'string' &&
    Number.isInteger(body.iat) &&
    Number.isInteger(body.exp) &&
    (body.nbf === undefined || Number.isInteger(body.nbf))
  )
    return body as unknown as Payload;
  throw new InvalidTokenError('malformed');
}
