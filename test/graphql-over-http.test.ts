import { auditServer } from 'graphql-http';
import { MAX_BATCH_OPERATIONS } from '../src/http/graphql-route';
import { dataOf, errorCode, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

// GraphQL over HTTP as clients use it: GET queries, batches, the 401's media type, CORS headers.
let t: TestServer;
let root: string;
beforeAll(async () => {
  t = await startTestServer({ maxQueryCost: 300 });
  root = await t.token();
});
afterAll(() => t.close());

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { authorization: `Bearer ${root}`, ...headers } });

const postBatch = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${root}`, ...headers },
    body: JSON.stringify(body),
  });

describe('the GraphQL over HTTP audit (graphql-http)', () => {
  it('passes every MUST; the only warnings are the 400s for requests that cannot run (README: GraphQL over HTTP)', async () => {
    const results = await auditServer({ url: `${t.url}/graphql` });
    const failed = results.flatMap((r) => (r.status === 'error' ? [`${r.name}: ${r.reason}`] : []));
    expect(failed).toEqual([]);
    const warned = results.filter((r) => r.status === 'warn').map((r) => r.name);
    expect(warned.sort()).toEqual([
      'SHOULD use 200 status code on document parsing failure when accepting application/json',
      'SHOULD use 200 status code on document validation failure when accepting application/json',
      'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
    ]);
    // the GET audits ran and passed
    const getAudits = results.filter((r) => /\bGETs?\b/.test(r.name));
    expect(getAudits.map((r) => [r.name, r.status])).toEqual([
      ['MAY accept application/x-www-form-urlencoded formatted GET requests', 'ok'],
      ['MAY NOT allow executing mutations on GET requests', 'ok'],
      ['MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json', 'ok'],
      ['MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json', 'ok'],
    ]);
  });
});

describe('GET', () => {
  it('runs a query sent as GET without any preflight header (urql default, shareable links)', async () => {
    const res = await get('{ policies { totalCount } }');
    expect(res.status).toBe(200);
    expect(dataOf((await res.json()) as GraphQLResponse).policies.totalCount).toBe(0);
  });

  it('refuses a mutation sent as GET with 405, and runs nothing', async () => {
    const res = await get('mutation { upsertPolicies(input: [{ key: "by_get", name: "By GET" }]) { key } }');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(dataOf(await t.gql('{ policy(key: "by_get") { key } }')).policy).toBeNull();
  });

  it('a cross-site GET carries no token, so it reads nothing, and the browser may not read the answer', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ policies { totalCount } }')}`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const body = (await res.json()) as GraphQLResponse;
    expect(errorCode(body)).toBe('UNAUTHENTICATED');
    expect(body.data?.policies ?? null).toBeNull();
  });
});

describe('batched requests', () => {
  it('answers an array of operations with the array of their results, in order', async () => {
    const res = await postBatch([
      { query: 'mutation { upsertPolicies(input: [{ key: "batched", name: "Batched" }]) { key } }' },
      { query: 'query($k: String!) { policy(key: $k) { name } }', variables: { k: 'batched' } },
      { query: '{ nonsense }' },
    ]);
    expect(res.status).toBe(200);
    const [first, second, third] = (await res.json()) as GraphQLResponse[];
    expect(dataOf(first).upsertPolicies).toEqual([{ key: 'batched' }]);
    expect(dataOf(second).policy).toEqual({ name: 'Batched' });
    expect(errorCode(third)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it(`refuses more than ${MAX_BATCH_OPERATIONS} operations, and an empty batch, running none`, async () => {
    const op = { query: 'mutation { upsertPolicies(input: [{ key: "too_many", name: "Too many" }]) { key } }' };
    for (const batch of [Array(MAX_BATCH_OPERATIONS + 1).fill(op), []]) {
      const res = await postBatch(batch);
      expect(res.status).toBe(400);
      const body = (await res.json()) as GraphQLResponse;
      expect(errorCode(body)).toBe('BAD_REQUEST');
      expect(body.errors![0].message).toContain(`1 to ${MAX_BATCH_OPERATIONS} operations`);
    }
    expect(dataOf(await t.gql('{ policy(key: "too_many") { key } }')).policy).toBeNull();
  });

  it('applies the cost limit to the whole batch: operations under the limit alone are refused once the batch exceeds it', async () => {
    const op = { query: '{ policies(first: 100) { edges { node { key } } } }' }; // 200 objects of the 300 allowed
    expect(dataOf(await t.gql(op.query)).policies.edges).toBeDefined();
    const res = await postBatch([op, op]);
    const [first, second] = (await res.json()) as GraphQLResponse[];
    expect(dataOf(first).policies.edges).toBeDefined();
    expect(errorCode(second)).toBe('BAD_USER_INPUT');
    expect(second.errors![0].message).toMatch(/whole batch/);
    expect(second.data).toBeUndefined();
  });
});

describe('401 for a bad token', () => {
  it('answers in application/graphql-response+json when the client accepts it, application/json otherwise', async () => {
    const bad = { authorization: 'Bearer not-a-token', 'content-type': 'application/json' };
    const body = JSON.stringify({ query: '{ policies { totalCount } }' });
    const modern = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { ...bad, accept: `${GRAPHQL_RESPONSE}, application/json;q=0.9` },
      body,
    });
    expect(modern.status).toBe(401);
    expect(modern.headers.get('content-type')).toContain(GRAPHQL_RESPONSE);
    expect(errorCode((await modern.json()) as GraphQLResponse)).toBe('UNAUTHENTICATED');
    for (const accept of ['application/json', '*/*']) {
      const legacy = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { ...bad, accept }, body });
      expect(legacy.status).toBe(401);
      expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });
});

describe('CORS', () => {
  it("allows Apollo Client's client-awareness headers in a preflight", async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'apollographql-client-name, apollographql-client-version, authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    const allowed = res.headers.get('access-control-allow-headers')!.split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining(['apollographql-client-name', 'apollographql-client-version', 'authorization', 'content-type']),
    );
  });
});
