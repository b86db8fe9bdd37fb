import type { NextFunction, Request, Response } from 'express';

/**
 * Headers every answer carries: no page of this server may be framed (clickjacking), and no
 * answer is sniffed into another type.
 */
export function noFraming(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  next();
}

const policy = (directives: Record<string, string>) =>
  Object.entries({ ...directives, 'object-src': "'none'", 'base-uri': "'none'", 'frame-ancestors': "'none'" })
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/** The console's own scripts and styles only; it talks to this origin's /graphql (HTTP and WebSocket). */
export const CONSOLE_CSP = policy({
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'font-src': "'self'",
  'form-action': "'self'",
});

/**
 * GraphiQL: scripts and Monaco's workers from this server only (the page has no inline script).
 * Monaco and GraphiQL set styles at run time (style elements and attributes), hence
 * 'unsafe-inline' for styles alone; its icons and fonts come as data: URLs.
 */
export const GRAPHIQL_CSP = policy({
  'default-src': "'self'",
  'script-src': "'self'",
  'worker-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'form-action': "'none'",
});

/** An HTML page: its Content-Security-Policy, and no Referer to the sites it links to. */
export function htmlPageHeaders(res: Response, contentSecurityPolicy: string) {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('Referrer-Policy', 'no-referrer');
}
