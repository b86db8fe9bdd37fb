import { getIntrospectionQuery } from 'graphql';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let t: TestServer;
let root: string;
beforeAll(async () => {
  t = await startTestServer({ corsOrigins: ['https://admin.example.com'] });
  root = await t.token();
});
afterAll(() => t.close());

/** `policy { preWebhooks { policy { preWebhooks ... { key } } } }` with exactly `depth` levels of fields. */
function nested(depth: number): string {
  let selection = 'key';
  for (let level = depth - 1; level >= 1; level--) {
    const field = level === 1 ? 'policy(key: "p")' : level % 2 === 0 ? 'preWebhooks' : 'policy';
    selection = `${field} { ${selection} }`;
  }
  return `query Deep { ${selection} }`;
}

describe('query depth', () => {
  it('allows 10 levels (this one is then refused for its cost: four nested lists)', async () => {
    const res = await t.gql(nested(10));
    expect(errorCode(res)).not.toBe('GRAPHQL_VALIDATION_FAILED');
    expect(dataOf(await t.gql(nested(7))).policy).toBeNull();
  });

  it('rejects 11 levels before executing, with a message that says the limit', async () => {
    const { count } = await t.countStatements(async () => {
      const res = await t.gql(nested(11));
      expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors![0].message).toBe('"Deep" is nested more than 10 levels deep; ask for fewer nested fields');
    });
    expect(count).toBe(0);
  });

  it('follows fragments, and a fragment cycle ends in an error rather than a hang', async () => {
    const viaFragment = `query Deep { ...Q } fragment Q on Query { ${nested(11).slice('query Deep { '.length, -2)} }`;
    expect(errorCode(await t.gql(viaFragment))).toBe('GRAPHQL_VALIDATION_FAILED');
    const cycle = 'query { policy(key: "p") { ...A } } fragment A on Policy { preWebhooks { policy { ...A } } }';
    expect(errorCode(await t.gql(cycle))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("lets GraphiQL's full introspection query through the depth and cost limits", async () => {
    const res = await t.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
  });

  it('does not count introspection depth', async () => {
    const res = await t.gql(
      '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }',
    );
    expect(res.errors).toBeUndefined();
  });
});

describe('query cost', () => {
  // first * (edge + node + 10 webhooks with their connection, twice) = 43 objects per policy
  const POLICIES = `policies(first: $n) { edges { node { key
    preWebhooks { key connectionConfig { key } } postWebhooks { key connectionConfig { key } } } } }`;

  it('multiplies by first: 100 policies with their webhooks pass, 300 do not', async () => {
    const query = `query($n: Int) { ${POLICIES} }`;
    expect((await t.gql(query, { n: 100 })).errors).toBeUndefined();
    const res = await t.gql(query, { n: 300 });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/may return up to 12900 objects; the limit is 10000 objects/);
  });

  it('costs a repeated query again when a variable of @include changes what it asks for', async () => {
    const query = `query($n: Int, $both: Boolean!) { a: ${POLICIES} b: ${POLICIES.replace('policies(first: $n)', 'policies(first: $n) @include(if: $both)')} }`;
    expect((await t.gql(query, { n: 200, both: false })).errors).toBeUndefined();
    expect(errorCode(await t.gql(query, { n: 200, both: true }))).toBe('BAD_USER_INPUT');
    expect((await t.gql(query, { n: 100, both: true })).errors).toBeUndefined();
  });

  it('rejects more than ~10,000 objects across aliases before any SQL runs', async () => {
    const query = `query($n: Int) { a: ${POLICIES} b: ${POLICIES} }`;
    const { count } = await t.countStatements(async () => {
      const res = await t.gql(query, { n: 200 });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    });
    expect(count).toBe(0);
  });

  it('caps first at 200', async () => {
    const res = await t.gql('{ policies(first: 201) { totalCount } }');
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('200');
    expect(dataOf(await t.gql('{ policies(first: 200) { totalCount } }')).policies.totalCount).toBe(0);
  });
});

describe('request body', () => {
  it('answers 413 to a body over 1 MiB', async () => {
    const padding = 'x'.repeat(1024 * 1024);
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${root}` },
      body: JSON.stringify({ query: `{ policies { totalCount } } # ${padding}` }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('outside production', () => {
  it('answers introspection', async () => {
    expect(dataOf(await t.gql('{ __schema { queryType { name } } }')).__schema.queryType.name).toBe('Query');
  });
});

describe('CORS and CSRF', () => {
  const preflight = (origin: string) =>
    fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('allows a preflight from an origin in CORS_ORIGINS', async () => {
    const res = await preflight('https://admin.example.com');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('allows http://localhost on any port outside production', async () => {
    const res = await preflight('http://localhost:5173');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('refuses a preflight from any other origin', async () => {
    const res = await preflight('https://evil.example');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a simple cross-site form post (text/plain, no Authorization header) is not executed', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { upsertPolicies(input: [{ key: "csrf", name: "CSRF" }]) { key } }' }),
    });
    expect(res.status).toBe(400);
    expect(dataOf(await t.gql('{ policy(key: "csrf") { key } }')).policy).toBeNull();
  });
});
