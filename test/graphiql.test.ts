import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { COMPRESSION_THRESHOLD_BYTES } from '../src/http/app';
import { startTestServer, type TestServer } from './support/server';

// GraphiQL's script is loaded on the first request for the page (it costs ~60 MB otherwise).
let t: TestServer;
let root: string;
beforeAll(async () => {
  t = await startTestServer();
  root = await t.token();
});
afterAll(() => t.close());

/** A raw GET or POST: the bytes as sent, not decompressed. */
function raw(
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${path}`, { method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const assetUrls = (page: string) => [...page.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]);

describe('GraphiQL', () => {
  it('serves a small page that names its scripts and styles by content hash, all from this server, not cached', async () => {
    const res = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain('dsr-hooks GraphiQL');
    expect(page.length).toBeLessThan(10_000);
    expect(page).not.toMatch(/<script>|<style>/); // nothing inline to run
    expect(page).not.toMatch(/<script[^>]+src="https?:/);
    const urls = assetUrls(page);
    expect(urls).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/graphiql\/graphiql-[0-9a-f]{16}\.js$/),
        expect.stringMatching(/^\/graphiql\/graphiql-[0-9a-f]{16}\.css$/),
      ]),
    );
    // the Monaco workers are assets too
    const options = JSON.parse(/<script type="application\/json" id="graphiql-options">(.*?)<\/script>/s.exec(page)![1]);
    expect(Object.values(options.workers)).toEqual(
      Object.values(options.workers).map(() => expect.stringMatching(/^\/graphiql\/.+-[0-9a-f]{16}\.js$/)),
    );
  });

  it('serves each asset pre-compressed (brotli or gzip, as accepted), immutable, and the same bytes uncompressed', async () => {
    const page = await (await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    const script = assetUrls(page).find((u) => u.endsWith('.js'))!;
    const plain = await raw(script, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.body.length).toBeGreaterThan(1_000_000);

    const br = await raw(script, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    const gz = await raw(script, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });

  it('answers 404 for an asset name it does not know', async () => {
    expect((await raw('/graphiql/graphiql-0000000000000000.js', {})).status).toBe(404);
  });
});

describe('compression of answers', () => {
  const query = (q: string, encoding: string) =>
    raw(
      '/graphql',
      { 'content-type': 'application/json', authorization: `Bearer ${root}`, 'accept-encoding': encoding },
      JSON.stringify({ query: q }),
    );

  it(`compresses a GraphQL answer over ${COMPRESSION_THRESHOLD_BYTES} bytes by Accept-Encoding, and leaves a small one alone`, async () => {
    // 20 aliases (within GRAPHQL_MAX_ALIASES) with long names make an answer of some 1.5 KB
    const big = `{ ${Array.from({ length: 20 }, (_, i) => `${'a'.repeat(50)}${i}: policies { totalCount }`).join(' ')} }`;
    const plain = await query(big, 'identity');
    expect(plain.body.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const br = await query(big, 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(JSON.parse(plain.body.toString()));
    const gz = await query(big, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(JSON.parse(plain.body.toString()));

    const small = await query('{ policies { totalCount } }', 'gzip, br');
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

it('its subscriptions go over graphql-ws to this server, the starting headers as connection_init payload', async () => {
  const res = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
  const page = await res.text();
  const options = JSON.parse(/<script type="application\/json" id="graphiql-options">(.*?)<\/script>/s.exec(page)![1]).graphiql;
  expect(options.subscriptionsProtocol).toBe('WS');
  expect(options.subscriptionsEndpoint).toBe(`${t.url.replace('http', 'ws')}/graphql`);
  expect(options.connectionParams.Authorization).toMatch(/^Bearer /);
  expect(JSON.parse(options.headers)).toEqual(options.connectionParams);
});

describe('the development root token', () => {
  const port = () => new URL(t.url).port;
  const optionsOf = (page: string) =>
    JSON.parse(/<script type="application\/json" id="graphiql-options">(.*?)<\/script>/s.exec(page)![1]).graphiql;
  const pageFor = async (host: string) => {
    const res = await raw('/graphql', { accept: 'text/html', host });
    expect(res.status).toBe(200);
    return { res, options: optionsOf(res.body.toString()) };
  };

  it.each(['localhost', '127.0.0.1', '[::1]'])('is in the page for a loopback socket naming %s:PORT', async (name) => {
    const { options } = await pageFor(`${name}:${port()}`);
    expect(options.connectionParams.Authorization).toMatch(/^Bearer /);
  });

  it.each(['evil.example', 'evil.example:PORT', '127.0.0.1.nip.io:PORT', 'localhost.evil.example'])(
    'is not in the page for a loopback socket naming %s (DNS rebinding)',
    async (host) => {
      const { res, options } = await pageFor(host.replace('PORT', port()));
      expect(options.connectionParams).toEqual({});
      expect(res.body.toString()).not.toContain('Bearer');
    },
  );
});

describe('security headers', () => {
  it('the page: a Content-Security-Policy with scripts and workers from this server only, no framing, no-store', async () => {
    const res = await raw('/graphql', { accept: 'text/html', host: `localhost:${new URL(t.url).port}` });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['/health', {}, undefined],
    ['/graphql', { 'content-type': 'application/json' }, '{"query":"{ __typename }"}'],
    ['/graphiql/graphiql-0000000000000000.js', {}, undefined],
  ] as [string, Record<string, string>, string | undefined][])(
    '%s answers with X-Frame-Options DENY and nosniff',
    async (path, headers, body) => {
      const res = await raw(path, headers, body);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  );
});
