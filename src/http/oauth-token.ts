import type { EntityManager } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AccessTokenSigner } from '../domain/access-tokens';
import { authenticateClient, type RootClient } from '../domain/api-clients';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../db/unavailable';
import type { FailedAttemptLimiter } from './failed-attempts';

export interface TokenEndpointDeps {
  em: EntityManager;
  signer: AccessTokenSigner;
  root: RootClient;
  rootScopes: readonly string[];
  ttlSeconds: number;
  limiter: FailedAttemptLimiter;
}

type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope' | 'temporarily_unavailable';

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: OAuthErrorCode,
    description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

/** POST /oauth/token: the OAuth 2.0 client credentials grant (RFC 6749 section 4.4). */
export function oauthTokenRoute(deps: TokenEndpointDeps): express.Router {
  const router = express.Router();
  router.post(
    '/',
    express.urlencoded({ extended: false, limit: '16kb' }),
    express.json({ limit: '16kb' }),
    async (req: Request, res: Response, next: NextFunction) => {
      res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
      try {
        res.json(await issueToken(deps, req));
      } catch (err) {
        next(err);
      }
    },
  );
  router.use((err: OAuthError | { status?: number }, _req: Request, res: Response, next: NextFunction) => {
    const error =
      err instanceof OAuthError
        ? err
        : isDatabaseUnavailable(err)
          ? new OAuthError(503, 'temporarily_unavailable', DATABASE_UNAVAILABLE)
          : bodyError(err);
    if (!error) return next(err);
    res
      .set({ 'Cache-Control': 'no-store', ...error.headers })
      .status(error.status)
      .json({ error: error.code, error_description: error.message });
  });
  return router;
}

async function issueToken(deps: TokenEndpointDeps, req: Request) {
  const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
  const grantType = param(body, 'grant_type');
  if (!grantType) throw new OAuthError(400, 'invalid_request', 'grant_type is required (client_credentials)');
  if (grantType !== 'client_credentials') {
    throw new OAuthError(400, 'unsupported_grant_type', `grant_type "${grantType}" is not supported; use client_credentials`);
  }
  const { clientId, clientSecret, basic } = credentials(req, body);
  const challenge: Record<string, string> = basic ? { 'WWW-Authenticate': 'Basic realm="dsr-hooks"' } : {};

  const attempt = deps.limiter.reserve(clientId);
  if ('retryAfterMs' in attempt) {
    const seconds = Math.ceil(attempt.retryAfterMs / 1000);
    throw new OAuthError(429, 'temporarily_unavailable', `too many failed attempts for this client id; try again in ${seconds} s`, {
      'Retry-After': String(seconds),
    });
  }
  let held: string[] | null;
  try {
    held = await authenticateClient(deps.em, deps.root, deps.rootScopes, clientId, clientSecret);
  } catch (err) {
    attempt.cancelled();
    throw err;
  }
  if (!held)
    throw new OAuthError(401, 'invalid_client', 'client authentication failed: unknown client_id or wrong client_secret', challenge);
  attempt.succeeded();

  const scopes = grantedScopes(param(body, 'scope'), held);
  const { token } = deps.signer.sign(clientId, scopes, deps.ttlSeconds);
  return { access_token: token, token_type: 'bearer', expires_in: deps.ttlSeconds, scope: scopes.join(' ') };
}

/** Client credentials from HTTP Basic (RFC 6749 2.3.1) or the request body, never both. */
function credentials(req: Request, body: Record<string, unknown>) {
  const found = foundCredentials(req, body);
  // PostgreSQL text cannot hold NUL: such an id would fail the lookup with a 500, not a 401.
  if (found.clientId.includes('\0') || found.clientSecret.includes('\0'))
    throw new OAuthError(400, 'invalid_request', 'client_id and client_secret cannot contain NUL characters');
  return found;
}

function foundCredentials(req: Request, body: Record<string, unknown>) {
  const header = req.headers.authorization;
  const inBody = { clientId: param(body, 'client_id'), clientSecret: param(body, 'client_secret') };
  if (header && /^Basic /i.test(header)) {
    if (inBody.clientId || inBody.clientSecret)
      throw new OAuthError(400, 'invalid_request', 'send client credentials either with HTTP Basic or in the body, not both');
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const clientId = colon > 0 ? safeDecode(decoded.slice(0, colon)) : '';
    const clientSecret = colon > 0 ? safeDecode(decoded.slice(colon + 1)) : '';
    if (!clientId || !clientSecret)
      throw new OAuthError(401, 'invalid_client', 'malformed HTTP Basic client credentials', {
        'WWW-Authenticate': 'Basic realm="dsr-hooks"',
      });
    return { clientId, clientSecret, basic: true };
  }
  if (!inBody.clientId || !inBody.clientSecret) throw new OAuthError(401, 'invalid_client', 'client_id and client_secret are required');
  return { clientId: inBody.clientId, clientSecret: inBody.clientSecret, basic: false };
}

/** The requested scopes (space-separated) when given, which must all be held; else all held. */
function grantedScopes(requested: string | undefined, held: string[]): string[] {
  if (requested === undefined) return held;
  const scopes = [...new Set(requested.split(' ').filter(Boolean))];
  const notHeld = scopes.filter((s) => !held.includes(s));
  if (notHeld.length) throw new OAuthError(400, 'invalid_scope', `the client does not hold ${notHeld.map((s) => `"${s}"`).join(', ')}`);
  return scopes;
}

function param(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new OAuthError(400, 'invalid_request', `${name} must be given once, as a string`);
  return value;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Body-parser failures in the RFC 6749 error shape; anything else is not ours to answer. */
function bodyError(err: { status?: number }): OAuthError | undefined {
  if (err.status === 413) return new OAuthError(413, 'invalid_request', 'request body too large');
  if (err.status && err.status < 500) return new OAuthError(400, 'invalid_request', 'the request body could not be parsed');
  return undefined;
}
