import { ApolloClient, CombinedGraphQLErrors, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';
import { cacheExchange, createClient, fetchExchange } from '@urql/core';
import { batchRequests } from 'graphql-request';
import { dataOf, startTestServer, type TestServer } from './support/server';

// The clients dsr-hooks' users already use, each with its usual settings, against the real server.
let t: TestServer;
let root: string;
beforeAll(async () => {
  t = await startTestServer();
  root = await t.token();
  dataOf(await t.gql('mutation { upsertPolicies(input: [{ key: "a", name: "A" }, { key: "b", name: "B" }]) { key } }'));
});
afterAll(() => t.close());

/** fetch that records each request's method, headers and body. */
function recordingFetch() {
  const calls: { method: string; headers: Headers; body: unknown }[] = [];
  const fetchFn: typeof fetch = async (input, init = {}) => {
    calls.push({
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return fetch(input, init);
  };
  return { calls, fetchFn };
}

it('urql with its defaults sends queries as GET and gets the data', async () => {
  const { calls, fetchFn } = recordingFetch();
  const client = createClient({
    url: `${t.url}/graphql`,
    exchanges: [cacheExchange, fetchExchange],
    fetch: fetchFn,
    fetchOptions: { headers: { authorization: `Bearer ${root}` } },
  });
  const result = await client.query('query Policy($key: String!) { policy(key: $key) { key name } }', { key: 'a' }).toPromise();
  expect(result.error).toBeUndefined();
  expect(result.data.policy).toEqual({ __typename: 'Policy', key: 'a', name: 'A' });
  expect(calls.map((c) => c.method)).toEqual(['GET']);
});

it('Apollo Client with BatchHttpLink and client awareness sends one batch and gets each result', async () => {
  const { calls, fetchFn } = recordingFetch();
  const client = new ApolloClient({
    link: new BatchHttpLink({ uri: `${t.url}/graphql`, headers: { authorization: `Bearer ${root}` }, fetch: fetchFn, batchInterval: 20 }),
    cache: new InMemoryCache(),
    clientAwareness: { name: 'dsr-hooks-admin', version: '1.2.3' },
  });
  const query = gql`
    query Policy($key: String!) {
      policy(key: $key) {
        key
        name
      }
    }
  `;
  const [a, b] = await Promise.all([client.query({ query, variables: { key: 'a' } }), client.query({ query, variables: { key: 'b' } })]);
  expect(a.data).toEqual({ policy: { __typename: 'Policy', key: 'a', name: 'A' } });
  expect(b.data).toEqual({ policy: { __typename: 'Policy', key: 'b', name: 'B' } });
  expect(calls).toHaveLength(1);
  expect(calls[0].body).toHaveLength(2);
  expect(calls[0].headers.get('apollographql-client-name')).toBe('dsr-hooks-admin');
  expect(calls[0].headers.get('apollographql-client-version')).toBe('1.2.3');
});

it("Apollo Client reads the 401's UNAUTHENTICATED code for a bad token", async () => {
  const client = new ApolloClient({
    link: new HttpLink({ uri: `${t.url}/graphql`, headers: { authorization: 'Bearer expired-or-forged' } }),
    cache: new InMemoryCache(),
  });
  const error = await client
    .query({
      query: gql`
        {
          policies {
            totalCount
          }
        }
      `,
    })
    .then(
      (r) => r.error,
      (err: unknown) => err,
    );
  expect(CombinedGraphQLErrors.is(error)).toBe(true);
  expect((error as CombinedGraphQLErrors).errors[0].extensions?.code).toBe('UNAUTHENTICATED');
});

it('graphql-request batchRequests sends one batch and gets each result', async () => {
  const results = await batchRequests(
    `${t.url}/graphql`,
    [
      { document: 'query($key: String!) { policy(key: $key) { name } }', variables: { key: 'a' } },
      { document: '{ policies { totalCount } }' },
    ],
    { authorization: `Bearer ${root}` },
  );
  expect(results.map((r) => r.data)).toEqual([{ policy: { name: 'A' } }, { policies: { totalCount: 2 } }]);
});
