import { Client } from 'pg';
import { adminUrl } from './support/database';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('GraphQL request errors keep Apollo codes', () => {
  it('a syntax error is GRAPHQL_PARSE_FAILED', async () => {
    const res = await t.gql('{ policies { totalCount ');
    expect(errorCode(res)).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.errors![0].message).toMatch(/Syntax Error/);
  });

  it('an unknown field is GRAPHQL_VALIDATION_FAILED naming the field', async () => {
    const res = await t.gql('{ policies { totalCount nonsense } }');
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toContain('nonsense');
  });

  it.each<[string, string, object]>([
    ['a string for an Int', 'query($f: Int) { policies(first: $f) { totalCount } }', { f: 'ten' }],
    ['an Int beyond 32 bits', 'query($f: Int) { policies(first: $f) { totalCount } }', { f: 2 ** 40 }],
    ['a number for a String', 'query($k: String!) { policy(key: $k) { key } }', { k: 12 }],
    ['null for a non-null variable', 'query($k: String!) { policy(key: $k) { key } }', { k: null }],
    ['a missing non-null variable', 'query($k: String!) { policy(key: $k) { key } }', {}],
    ['an unknown enum value', 'query($p: WebhookPhase!) { webhook(policyKey: "p", phase: $p, key: "k") { key } }', { p: 'DURING' }],
  ])('a variable of the wrong type (%s) is BAD_USER_INPUT naming the variable', async (_label, query, variables) => {
    const res = await t.gql(query, variables as Record<string, unknown>);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/Variable "\$\w+"/);
  });

  it.each<[string, string, object]>([
    ['a lookup key', 'query($k: String!) { policy(key: $k) { key } }', { k: 'a\u0000b' }],
    [
      'a name inside a list',
      'mutation($i: [PolicyInput!]!) { upsertPolicies(input: $i) { key } }',
      { i: [{ key: 'ok', name: 'x\u0000' }] },
    ],
    ['a cursor', 'query($a: String) { policies(after: $a) { totalCount } }', { a: '\u0000' }],
    ['an inline string literal', 'query { policy(key: "a\\u0000b") { key } }', {}],
  ])('a NUL character in %s is BAD_USER_INPUT naming the argument (PostgreSQL text cannot hold one)', async (_label, query, variables) => {
    const res = await t.gql(query, variables as Record<string, unknown>);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/NUL/);
  });

  it('refuses the same literal with a NUL every time it is sent (documents are checked once, then remembered)', async () => {
    const query = 'query { policies(after: "\\u0000") { totalCount } }';
    for (let i = 0; i < 2; i++) expect(errorCode(await t.gql(query))).toBe('BAD_USER_INPUT');
    expect(dataOf(await t.gql('query { policies(after: null) { totalCount } }')).policies.totalCount).toBeGreaterThanOrEqual(0);
  });

  it.each([['\u0000'], ['a b'], ["' or 1=1 --"], ['x'.repeat(201)]])(
    'a crafted cursor that decodes to %j is BAD_USER_INPUT',
    async (value) => {
      const res = await t.gql('query($a: String) { connectionConfigs(after: $a) { totalCount } }', {
        a: Buffer.from(value).toString('base64url'),
      });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/cursor/);
    },
  );

  it('a body that is not JSON is a 400 with a GraphQL-shaped error, not a stack trace', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('a body over the size limit is a 413', async () => {
    const res = await post(JSON.stringify({ query: `{ policy(key: "${'x'.repeat(2 * 1024 * 1024)}") { key } }` }));
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('echoes a caller-given x-request-id and makes one up otherwise', async () => {
    const given = await post(JSON.stringify({ query: '{ policies { totalCount } }' }), { 'x-request-id': 'trace-123' });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await post(JSON.stringify({ query: '{ policies { totalCount } }' }));
    expect(made.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });
});

describe('GraphiQL', () => {
  it('a browser GET /graphql gets GraphiQL whose scripts and stylesheets all come from this server (no CDN)', async () => {
    const res = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/graphiql/i);
    const tags = html.match(/<(script|link)\b[^>]*>/gi) ?? [];
    const external = tags.filter((tag) => /\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i.test(tag));
    expect(external).toEqual([]);
  });

  it('a GET /graphql without text/html is not GraphiQL', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ policies { totalCount } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(res.headers.get('content-type')).toMatch(/json/);
  });
});

describe('GET /health', () => {
  it('answers 200 while the database is reachable', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the database is gone, and 200 again once it is back; GraphQL calls meanwhile get a generic error with a logged request id', async () => {
    const logLines: string[] = [];
    const other = await startTestServer({ logLevel: 'error' }, { write: (line: string) => logLines.push(line) });
    const dbName = new URL(other.server.orm.config.get('clientUrl')!).pathname.slice(1);
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      expect((await fetch(`${other.url}/health`)).status).toBe(200);
      await admin.query(`drop database ${dbName} with (force)`);
      const down = await fetch(`${other.url}/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });

      const requestId = 'health-test-request';
      const body = await other.gql('{ policy(key: "any") { key } }', {}, { 'x-request-id': requestId });
      expect(body.errors![0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
      expect(body.errors![0].message).toBe(`Internal server error (request id ${requestId})`);
      const logged = logLines.map((line) => JSON.parse(line)).filter((line) => line.requestId === requestId);
      expect(logged).toEqual([expect.objectContaining({ level: 50, msg: 'unexpected error in GraphQL request' })]);

      await admin.query(`create database ${dbName}`);
      expect((await fetch(`${other.url}/health`)).status).toBe(200);
    } finally {
      await admin.end();
      await other.close();
    }
  });
});
