import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ConfigError, loadConfig } from '../src/config';
import { resolveRootClient } from '../src/domain/root-client';
import { createLogger } from '../src/logger';
import { startServer, type RunningServer } from '../src/server';
import { createTestDatabase } from './support/database';
import { testConfig, TEST_ROOT_CLIENT } from './support/server';

const KEY = '0123456789abcdef0123456789abcdef';
// What production requires besides the settings under test; serve() replaces the database URL.
const PRODUCTION = { NODE_ENV: 'production', APP_ENCRYPTION_KEY: KEY, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused' };
const ROOT_ENV = { OAUTH_ROOT_CLIENT_ID: TEST_ROOT_CLIENT.clientId, OAUTH_ROOT_CLIENT_SECRET: TEST_ROOT_CLIENT.clientSecret };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

/** A server from this config over a fresh database, logging into `lines`. */
async function serve(config: ReturnType<typeof testConfig>, lines: string[] = []) {
  const db = await createTestDatabase();
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const server = await startServer({ ...config, databaseUrl: db.url }, createLogger('info', sink));
  return { server, close: async () => (await server.close(), await db.drop()) };
}

async function rootToken(server: RunningServer, clientId: string, clientSecret: string) {
  const res = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  return { status: res.status, token: (await res.json()).access_token as string };
}

const graphiql = (server: RunningServer) => fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } }).then((r) => r.text());

describe('configuration', () => {
  it('refuses production without root client credentials, naming each missing variable', () => {
    expect(problemsOf(PRODUCTION)).toEqual([
      'OAUTH_ROOT_CLIENT_ID is required when NODE_ENV=production',
      'OAUTH_ROOT_CLIENT_SECRET is required when NODE_ENV=production',
    ]);
    expect(problemsOf({ ...PRODUCTION, ...ROOT_ENV })).toEqual([]);
  });

  it('`serve` exits with that message in production', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', 'src/main.ts', 'serve'],
        {
          env: { PATH: process.env.PATH, ...PRODUCTION },
          cwd: join(__dirname, '..'),
          timeout: 60_000,
        },
        (_err, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('OAUTH_ROOT_CLIENT_ID is required');
  });

  it('turns introspection off in production unless GRAPHQL_INTROSPECTION=true', () => {
    expect(loadConfig({}).introspection).toBe(true);
    expect(loadConfig({ ...PRODUCTION, ...ROOT_ENV }).introspection).toBe(false);
    expect(loadConfig({ ...PRODUCTION, ...ROOT_ENV, GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('reads the limits and origins, and says which value is wrong', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://a.example, http://b.example:8080', ACCESS_TOKEN_TTL_SECONDS: '60' });
    expect(config).toMatchObject({
      corsOrigins: ['https://a.example', 'http://b.example:8080'],
      accessTokenTtlSeconds: 60,
      maxQueryDepth: 10,
      maxQueryCost: 10000,
      bodyLimitBytes: 1048576,
    });
    expect(problemsOf({ CORS_ORIGINS: 'https://a.example/app', ACCESS_TOKEN_TTL_SECONDS: '0' })).toEqual([
      'CORS_ORIGINS entry "https://a.example/app" must be an origin like https://app.example.com (scheme, host, optional port; no path or trailing slash)',
      'ACCESS_TOKEN_TTL_SECONDS must be a whole number 1-31536000 (got "0")',
    ]);
    expect(problemsOf({ OAUTH_ROOT_CLIENT_ID: 'only-the-id' })).toEqual([
      'OAUTH_ROOT_CLIENT_ID and OAUTH_ROOT_CLIENT_SECRET must be set together',
    ]);
  });
});

describe('outside production without root credentials', () => {
  let dataDir: string;
  let running: Awaited<ReturnType<typeof serve>>;
  const lines: string[] = [];
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dsr-hooks-root-'));
    running = await serve(testConfig({ dataDir, rootClientId: undefined, rootClientSecret: undefined }), lines);
  });
  afterAll(async () => {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('generates root credentials once and keeps them in the data directory, readable by the owner only', () => {
    const file = join(dataDir, 'root-client.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveRootClient(testConfig({ dataDir, rootClientId: undefined, rootClientSecret: undefined }))).toMatchObject(stored);
  });

  it('says at start, each on its own line, the GraphiQL and admin addresses and where the credentials are (never the secret), and they get a token', async () => {
    const file = join(dataDir, 'root-client.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const line = JSON.parse(lines.find((l) => l.includes('rootClientFile'))!);
    expect(line.banner).toEqual({
      rootClientId: stored.clientId,
      rootClientFile: file,
      graphiql: `${running.server.url}/graphql`,
      admin: `${running.server.url}/admin/`,
    });
    const banner = (line.msg as string).split('\n');
    expect(banner).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^\\s+GraphiQL:\\s+${running.server.url}/graphql\\b`)),
        expect.stringMatching(new RegExp(`^\\s+Admin:\\s+${running.server.url}/admin/`)),
        expect.stringMatching(new RegExp(`^\\s+Root client:.*${file}$`)),
      ]),
    );
    expect(lines.join('\n')).not.toContain(stored.clientSecret);
    expect((await rootToken(running.server, stored.clientId, stored.clientSecret)).status).toBe(200);
  });

  it('serves GraphiQL with a working root token in the Authorization header', async () => {
    const page = await graphiql(running.server);
    const token = /Bearer ([\w.-]+)/.exec(page)?.[1];
    expect(token).toBeDefined();
    const res = await fetch(`${running.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { createApiClient(scopes: ["policy:read"]) { clientId } }' }),
    });
    expect((await res.json()).data.createApiClient.clientId).toMatch(/^dsr_/);
  });
});

describe('in production', () => {
  let running: Awaited<ReturnType<typeof serve>>;
  const production = (env: NodeJS.ProcessEnv) => ({
    ...testConfig(),
    ...loadConfig({ ...PRODUCTION, ...ROOT_ENV, ...env }),
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent' as const,
  });
  beforeAll(async () => {
    running = await serve(production({ CORS_ORIGINS: 'https://admin.example.com' }));
  });
  afterAll(() => running.close());

  const preflight = (origin: string) =>
    fetch(`${running.server.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });

  it('refuses introspection', async () => {
    const { token } = await rootToken(running.server, TEST_ROOT_CLIENT.clientId, TEST_ROOT_CLIENT.clientSecret);
    const res = await fetch(`${running.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect((await res.json()).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('allows only the listed origins, not localhost', async () => {
    expect((await preflight('https://admin.example.com')).status).toBe(204);
    expect((await preflight('http://localhost:3000')).status).toBe(403);
  });

  it('serves GraphiQL without a token filled in', async () => {
    expect(await graphiql(running.server)).not.toMatch(/Bearer /);
  });

  it('answers introspection with GRAPHQL_INTROSPECTION=true', async () => {
    const open = await serve(production({ GRAPHQL_INTROSPECTION: 'true' }));
    try {
      const { token } = await rootToken(open.server, TEST_ROOT_CLIENT.clientId, TEST_ROOT_CLIENT.clientSecret);
      const res = await fetch(`${open.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      expect((await res.json()).data.__schema.queryType.name).toBe('Query');
    } finally {
      await open.close();
    }
  });
});
