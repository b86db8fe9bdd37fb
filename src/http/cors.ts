import type { NextFunction, Request, Response } from 'express';

export interface CorsOptions {
  /** Exact origins, from CORS_ORIGINS. */
  origins: string[];
  /** Outside production any http://localhost:<port> (and 127.0.0.1) origin is allowed too. */
  allowLocalhost: boolean;
}

const LOCALHOST = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;
// Apollo Client's client awareness sends apollographql-client-name/-version.
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
  'apollographql-client-name',
  'apollographql-client-version',
].join(', ');

/** Whether CORS lets a browser page from this origin call the API (HTTP, and WebSocket upgrades). */
export function corsAllows(options: CorsOptions): (origin: string) => boolean {
  const listed = new Set(options.origins);
  return (origin) => listed.has(origin) || (options.allowLocalhost && LOCALHOST.test(origin));
}

/**
 * CORS for browser frontends on other origins. Tokens travel in the Authorization header, never
 * in cookies, so credentials are not allowed. A preflight from an origin not allowed gets 403
 * and no Access-Control-* headers.
 */
export function cors(options: CorsOptions) {
  const allowed = corsAllows(options);
  return (req: Request, res: Response, next: NextFunction) => {
    res.vary('Origin');
    const origin = req.headers.origin;
    const ok = origin !== undefined && allowed(origin);
    if (ok) res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'x-request-id' });
    if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method']) return next();
    if (!ok) return res.status(403).end();
    res.set({
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': '600',
    });
    res.status(204).end();
  };
}
