import { readdirSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { CONSOLE_DIST } from '../src/http/admin';
import { startTestServer, type TestServer } from './support/server';

// /admin serves the console's build (npm run build writes web/dist; npm test builds first).

let dev: TestServer;
let production: TestServer;

beforeAll(async () => {
  [dev, production] = await Promise.all([startTestServer(), startTestServer({ nodeEnv: 'production', production: true })]);
});
afterAll(async () => Promise.all([dev?.close(), production?.close()]));

/** fetch() cannot set Host; node:http can, as a DNS-rebinding page's browser would. */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

const script = () => readdirSync(join(CONSOLE_DIST, 'assets')).find((f) => f.endsWith('.js'))!;

test('every console path answers its index page (an SPA), never cached, with a strict CSP', async () => {
  for (const path of ['/admin/', '/admin/policies/erasure', '/admin/requests/123']) {
    const res = await fetch(`${production.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toContain(`/admin/assets/${script()}`);
  }
});

test('/admin without the slash redirects to /admin/', async () => {
  const res = await fetch(`${production.url}/admin`, { redirect: 'manual' });
  expect(res.status).toBe(301);
  expect(res.headers.get('location')).toBe('/admin/');
});

test('hashed assets are cached for a year as immutable; a missing one is 404, not the index page', async () => {
  const res = await fetch(`${production.url}/admin/assets/${script()}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect((await fetch(`${production.url}/admin/assets/index-00000000.js`)).status).toBe(404);
});

test('outside production the console gets a root token, but only with a loopback Host (no DNS rebinding)', async () => {
  const res = await fetch(`${dev.url}/admin/dev-token`);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const answer = (await res.json()) as { access_token: string; scope: string; expires_in: number };
  expect(answer.scope.split(' ')).toContain('webhook:create_or_update');
  const graphql = await dev.gqlAs(answer.access_token, '{ policies { totalCount } }');
  expect(graphql.errors).toBeUndefined();

  const { port } = new URL(dev.url);
  expect(await statusWithHost(`${dev.url}/admin/dev-token`, `localhost:${port}`)).toBe(200);
  for (const host of [`evil.example:${port}`, `127.0.0.1.nip.io:${port}`, 'localhost.evil.example']) {
    expect(await statusWithHost(`${dev.url}/admin/dev-token`, host)).toBe(204);
  }
});

test('in production there is no automatic sign-in', async () => {
  const res = await fetch(`${production.url}/admin/dev-token`);
  expect(res.status).toBe(204);
  expect(await res.text()).not.toContain('access_token');
});
