import { getIntrospectionQuery } from 'graphql';
import { dataOf, errorCode, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

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
      expect(res.errors![0].message).toBe('the query is nested more than 10 levels deep; ask for fewer nested fields');
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

/** POSTs a raw JSON body with a root token; the HTTP status and the answer. */
async function post(body: string): Promise<{ status: number; json: GraphQLResponse }> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${root}` },
    body,
  });
  return { status: res.status, json: (await res.json()) as GraphQLResponse };
}
const postOperation = (query: string, extra: Record<string, unknown> = {}) => post(JSON.stringify({ query, ...extra }));

describe('query shape (each refused with 400 before any SQL)', () => {
  /** `{ ...F1 }` with F1..F26, each spreading the next one twice: 2^25 fields once expanded, 1 KB of text. */
  function fanOut(levels: number): string {
    let query = '{ ...F1 }\n';
    for (let i = 1; i < levels; i++) query += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
    return `${query}fragment F${levels} on Query { policies(first: 0) { totalCount } }`;
  }

  it('refuses the 26-level fragment fan-out while /health keeps answering', async () => {
    const started = Date.now();
    const refused = postOperation(fanOut(26)).then((answer) => ({ ...answer, ms: Date.now() - started }));
    const health = fetch(`${t.url}/health`).then((res) => res.status);
    const [answer, healthStatus] = await Promise.all([refused, health]);
    console.log(`26-level fan-out refused in ${answer.ms} ms`);
    expect(answer.status).toBe(400);
    expect(errorCode(answer.json)).toBe('BAD_USER_INPUT');
    expect(answer.json.errors![0].message).toBe('the query has more than 10000 fields with its fragments spread out; ask for fewer fields');
    expect(healthStatus).toBe(200);
  });

  it('refuses 4,900 aliases of policies(first: 0) { totalCount } without running SQL', async () => {
    const query = `{ ${Array.from({ length: 4900 }, (_, i) => `a${i}: policies(first: 0) { totalCount }`).join(' ')} }`;
    const { count } = await t.countStatements(async () => {
      const answer = await postOperation(query);
      expect(answer.status).toBe(400);
      expect(errorCode(answer.json)).toBe('GRAPHQL_PARSE_FAILED'); // 34,300 tokens
    });
    expect(count).toBe(0);
  });

  it('refuses a document of more than GRAPHQL_MAX_TOKENS (5000) tokens', async () => {
    const answer = await postOperation(`{ ${'__typename '.repeat(5000)} }`);
    expect(answer.status).toBe(400);
    expect(errorCode(answer.json)).toBe('GRAPHQL_PARSE_FAILED');
    expect(answer.json.errors![0].message).toMatch(/more that 5000 tokens/);
  });

  it('refuses more than GRAPHQL_MAX_ALIASES (30) aliases', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: policies(first: 0) { totalCount }`).join(' ');
    expect((await postOperation(`{ ${aliases(30)} }`)).status).toBe(200);
    const { count } = await t.countStatements(async () => {
      const answer = await postOperation(`{ ${aliases(31)} }`);
      expect(answer.status).toBe(400);
      expect(errorCode(answer.json)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(answer.json.errors![0].message).toBe('the query has more than 30 aliases; send fewer aliased fields (or several requests)');
    });
    expect(count).toBe(0);
  });

  it('refuses more than GRAPHQL_MAX_DIRECTIVES (50) directives', async () => {
    const answer = await postOperation(`{ ${'__typename @include(if: true) @skip(if: false) '.repeat(26)} }`);
    expect(answer.status).toBe(400);
    expect(errorCode(answer.json)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.json.errors![0].message).toBe('the query has more than 50 directives');
  });

  it('refuses a fragment cycle', async () => {
    const answer = await postOperation('{ ...A } fragment A on Query { ...A }');
    expect(answer.status).toBe(400);
    expect(errorCode(answer.json)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.json.errors![0].message).toBe('Cannot spread fragment "A" within itself.');
  });
});

describe('operationName and variables (400, never 500)', () => {
  const QUERY = 'query A { policies(first: 1) { totalCount } }';

  it('refuses an operationName the document does not define', async () => {
    const answer = await postOperation(QUERY, { operationName: 'B' });
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual([
      { message: 'the document has no operation named "B"', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } },
    ]);
  });

  it('refuses an operationName with a NUL character', async () => {
    const answer = await postOperation(QUERY, { operationName: 'A\u0000' });
    expect(answer.status).toBe(400);
    expect(errorCode(answer.json)).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(answer.json.errors![0].message).toBe('the document has no operation named "A\\u0000"');
  });

  it('refuses a document of several operations without operationName', async () => {
    const answer = await postOperation(`${QUERY} query B { __typename }`);
    expect(answer.status).toBe(400);
    expect(errorCode(answer.json)).toBe('OPERATION_RESOLUTION_FAILURE');
  });

  // Written by hand: JSON.stringify itself overflows at this depth.
  const nestedList = '['.repeat(20_000) + '"x"' + ']'.repeat(20_000);
  const nestedObject = '{"key":'.repeat(20_000) + '"x"' + '}'.repeat(20_000);

  it.each([
    ['an unused variable', '{ policies(first: 1) { totalCount } }', `{"v":${nestedList}}`],
    ['an Int', 'query($n: Int) { policies(first: $n) { totalCount } }', `{"n":${nestedList}}`],
    ['an input object', 'mutation($p: [PolicyInput!]!) { upsertPolicies(input: $p) { key } }', `{"p":[${nestedObject}]}`],
  ])('refuses variables nested 20,000 deep (%s)', async (_what, query, variables) => {
    const answer = await post(`{"query":${JSON.stringify(query)},"variables":${variables}}`);
    expect(answer.status).toBe(400);
    expect(errorCode(answer.json)).toBe('BAD_USER_INPUT');
    expect(answer.json.errors![0].message).toMatch(/is nested more than 64 levels deep/);
  });

  it('still finds a NUL deep inside the variables, with its path', async () => {
    const answer = await postOperation('mutation($p: [PolicyInput!]!) { upsertPolicies(input: $p) { key } }', {
      variables: { p: [{ key: 'k', name: 'a\u0000' }] },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.errors![0].message).toBe('"$p[0].name" must not contain NUL (\\u0000) characters');
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

  it('suggests field names in validation errors (introspection shows them anyway)', async () => {
    const res = await t.gql('{ polic { totalCount } }');
    expect(res.errors![0].message).toBe('Cannot query field "polic" on type "Query". Did you mean "policy" or "policies"?');
  });
});

describe('in production', () => {
  let production: TestServer;
  beforeAll(async () => {
    production = await startTestServer({ nodeEnv: 'production', production: true, introspection: false });
  });
  afterAll(() => production.close());

  it('suggests no field, argument or enum value names', async () => {
    const field = await production.gql('{ polic { totalCount } }');
    expect(field.errors![0].message).toBe('Cannot query field "polic" on type "Query".');
    const argument = await production.gql('{ policies(frist: 1) { totalCount } }');
    expect(argument.errors![0].message).toBe('Unknown argument "frist" on field "Query.policies".');
    const enumValue = await production.gql('query($s: PrivacyRequestStatus) { privacyRequests(status: $s) { totalCount } }', {
      s: 'PENDIN',
    });
    expect(enumValue.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(enumValue.errors![0].message).not.toMatch(/Did you mean/);
  });

  it('answers the same limits with the same codes', async () => {
    const res = await production.gql('{ ...A } fragment A on Query { ...A }');
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    const unknown = await fetch(`${production.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await production.token()}` },
      body: JSON.stringify({ query: '{ __typename }', operationName: 'B\u0000' }),
    });
    expect(unknown.status).toBe(400);
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
