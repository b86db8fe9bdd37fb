import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';
import { buildSchema } from '../src/graphql/schema';
import { dataOf, startTestServer, type TestServer } from './support/server';

// Introspection (GraphiQL, codegen) goes through the compiled executor like any other query.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

it('describes exactly the schema the server runs', async () => {
  const described = buildClientSchema(dataOf(await t.gql(getIntrospectionQuery())));
  expect(printSchema(described)).toEqual(printSchema(await buildSchema()));
});

it('answers __type and __typename beside ordinary fields', async () => {
  const res = await t.gql('{ __type(name: "Policy") { name } policies { __typename totalCount } }');
  expect(dataOf(res)).toEqual({ __type: { name: 'Policy' }, policies: { __typename: 'PolicyConnection', totalCount: 0 } });
});
