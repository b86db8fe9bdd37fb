import { createHash } from 'node:crypto';
import type { OAuth2Credentials } from '../domain/connection-secrets';
import { headerValueProblem } from '../domain/http-header';
import type { AttemptResponse } from './http-attempt';

export interface TokenFailure {
  /** Fit for a failure reason: never a credential, a token or the endpoint's body. */
  error: string;
  retryable: boolean;
}

export interface FetchedToken {
  token: string;
  expiresInSeconds: number | null;
}

export type TokenFetch = (credentials: OAuth2Credentials) => Promise<FetchedToken | TokenFailure>;

const MAX_ENTRIES = 1024;
/** A token without expires_in is used for at most this long (and until a 401). */
const DEFAULT_LIFETIME_MS = 3600_000;
/** A token is refetched this long before it expires: a tenth of its lifetime, at most 30 s. */
const MAX_EARLY_MS = 30_000;

/**
 * Bearer tokens from OAuth2 client credentials, by connection and credentials (new credentials
 * never get an old token). One instance per process, so every worker slot and test call of the
 * process shares a token; callers that ask while a fetch is running wait for that fetch.
 * Failures are not kept: the next call asks the endpoint again.
 */
export class OAuth2TokenCache {
  private readonly tokens = new Map<string, { token: string; refreshAt: number }>();
  private readonly fetching = new Map<string, Promise<{ token: string } | TokenFailure>>();

  constructor(private readonly now: () => number = Date.now) {}

  get(connectionId: string, credentials: OAuth2Credentials, fetch: TokenFetch): Promise<{ token: string } | TokenFailure> {
    const key = cacheKey(connectionId, credentials);
    const cached = this.tokens.get(key);
    if (cached && this.now() < cached.refreshAt) return Promise.resolve({ token: cached.token });
    let pending = this.fetching.get(key);
    if (!pending) {
      pending = this.fetchInto(key, credentials, fetch).finally(() => this.fetching.delete(key));
      this.fetching.set(key, pending);
    }
    return pending;
  }

  /** After the receiver refused this token: the next get fetches a new one, unless another caller already did. */
  invalidate(connectionId: string, credentials: OAuth2Credentials, token: string): void {
    const key = cacheKey(connectionId, credentials);
    if (this.tokens.get(key)?.token === token) this.tokens.delete(key);
  }

  private async fetchInto(key: string, credentials: OAuth2Credentials, fetch: TokenFetch): Promise<{ token: string } | TokenFailure> {
    const asked = this.now();
    const result = await fetch(credentials);
    if ('error' in result) {
      this.tokens.delete(key);
      return result;
    }
    const lifetime = result.expiresInSeconds === null ? DEFAULT_LIFETIME_MS : result.expiresInSeconds * 1000;
    if (this.tokens.size >= MAX_ENTRIES) this.tokens.clear();
    this.tokens.set(key, { token: result.token, refreshAt: asked + lifetime - Math.min(MAX_EARLY_MS, lifetime / 10) });
    return { token: result.token };
  }
}

function cacheKey(connectionId: string, c: OAuth2Credentials): string {
  return createHash('sha256')
    .update(JSON.stringify([connectionId, c.tokenUrl, c.clientId, c.clientSecret, c.scope ?? null]))
    .digest('base64');
}

/** The client credentials grant (RFC 6749 4.4) with HTTP Basic client authentication. */
export function tokenRequest(c: OAuth2Credentials): { headers: Record<string, string>; body: string } {
  const basic = Buffer.from(`${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`).toString('base64');
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (c.scope) form.set('scope', c.scope);
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Basic ${basic}` },
    body: form.toString(),
  };
}

const OAUTH_ERROR_CODE = /^[a-z_]{1,64}$/;

/** The token endpoint's answer, or why it is unusable in words that quote nothing it sent but a standard error code. */
export function parseTokenAnswer(response: AttemptResponse): FetchedToken | TokenFailure {
  const who = 'OAuth2 token endpoint';
  let json: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(response.body ?? '');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    // not JSON: said below
  }
  if (response.error !== null) {
    const code = typeof json?.error === 'string' && OAUTH_ERROR_CODE.test(json.error) ? ` (${json.error})` : '';
    return { error: `${who}: ${response.error}${code}`, retryable: response.retryable };
  }
  if (!json) return { error: `${who} answered ${response.status} without a JSON object`, retryable: false };
  const { access_token: token, token_type: type, expires_in: expiresIn } = json;
  if (typeof token !== 'string' || !token || headerValueProblem('access_token', token)) {
    return { error: `${who} answered ${response.status} without a usable access_token`, retryable: false };
  }
  if (type !== undefined && (typeof type !== 'string' || type.toLowerCase() !== 'bearer')) {
    return { error: `${who} answered with a token_type other than Bearer`, retryable: false };
  }
  const seconds = Number(expiresIn);
  return { token, expiresInSeconds: expiresIn !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : null };
}
