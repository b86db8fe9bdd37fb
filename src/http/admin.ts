import express, { type Request, type Router } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONSOLE_CSP, htmlPageHeaders } from './security-headers';

/** The console's build output (web/dist), beside dist/ in a checkout and in the Docker image. */
export const CONSOLE_DIST = resolve(__dirname, '../../web/dist');

export interface DevToken {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  scope: string;
}

export interface AdminDeps {
  distDir?: string;
  /** Development only: a root token for a browser on this machine (the console signs in by itself). */
  devToken?: () => DevToken;
  /** Whether the request comes from this machine and names it in its Host header (no DNS rebinding). */
  isLocalRequest: (req: Request) => boolean;
}

/** /admin: the console's hashed assets cached for a year, every other path its index.html (an SPA). */
export function adminRoutes(deps: AdminDeps): Router {
  const dist = deps.distDir ?? CONSOLE_DIST;
  const router = express.Router();
  const index = join(dist, 'index.html');
  let page: string | undefined;

  router.get('/admin/dev-token', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    // 204, not 404: the console asks on every start, and "no automatic sign-in" is no error.
    if (!deps.devToken || !deps.isLocalRequest(req)) {
      res.status(204).end();
      return;
    }
    res.json(deps.devToken());
  });
  router.use('/admin/assets', express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  router.get('/admin/favicon.svg', (_req, res) => res.sendFile(join(dist, 'favicon.svg'), { maxAge: '1d' }));
  router.get(['/admin', '/admin/{*path}'], (req, res) => {
    // Relative asset URLs need the slash; express matches /admin and /admin/ alike.
    if (!req.originalUrl.startsWith('/admin/')) return res.redirect(301, `/admin/${req.originalUrl.slice('/admin'.length)}`);
    htmlPageHeaders(res, CONSOLE_CSP);
    if (!existsSync(index)) {
      res.status(404).type('text').send('The admin console is not built: run `npm run build`.');
      return;
    }
    page ??= readFileSync(index, 'utf8');
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(page);
  });
  return router;
}
