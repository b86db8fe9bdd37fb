import { buildSchema as buildSchemaFromSdl, getNamedType, GraphQLObjectType, isNonNullType, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { buildSchema } from '../src/graphql/schema';
import { ALL_SCOPES, READ_SCOPE_OF_TYPE, Scope, type ScopeName } from '../src/graphql/scopes';
import { createConnection, createPolicy, givenWebhooks } from './support/config-fixtures';
import { dataOf, errorCode, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

/**
 * Every Query and Mutation field of schema.graphql, the scope it needs (null: authorised some other
 * way, such as the reply-to token) and a call of it. A schema operation missing here fails the
 * test; an entry whose operation is not in the schema yet is skipped.
 */
const OPERATIONS: Record<string, { scope: ScopeName | null; query: string }> = {
  connectionConfigs: { scope: Scope.CONNECTION_READ, query: '{ connectionConfigs { totalCount } }' },
  connectionConfig: { scope: Scope.CONNECTION_READ, query: '{ connectionConfig(key: "nope") { key } }' },
  policies: { scope: Scope.POLICY_READ, query: '{ policies { totalCount } }' },
  policy: { scope: Scope.POLICY_READ, query: '{ policy(key: "nope") { key } }' },
  webhook: { scope: Scope.WEBHOOK_READ, query: '{ webhook(policyKey: "nope", phase: PRE_EXECUTION, key: "nope") { key } }' },
  privacyRequests: { scope: Scope.PRIVACY_REQUEST_READ, query: '{ privacyRequests { totalCount } }' },
  privacyRequest: { scope: Scope.PRIVACY_REQUEST_READ, query: '{ privacyRequest(id: "00000000-0000-4000-8000-000000000000") { id } }' },

  upsertConnectionConfigs: { scope: Scope.CONNECTION_CREATE_OR_UPDATE, query: 'mutation { upsertConnectionConfigs(input: []) { key } }' },
  setConnectionSecrets: {
    scope: Scope.CONNECTION_CREATE_OR_UPDATE,
    query: 'mutation { setConnectionSecrets(key: "nope", secrets: { https: { url: "https://x.example", authorization: "a" } }) { key } }',
  },
  testConnectionConfig: { scope: Scope.CONNECTION_CREATE_OR_UPDATE, query: 'mutation { testConnectionConfig(key: "nope") { ok } }' },
  deleteConnectionConfig: { scope: Scope.CONNECTION_DELETE, query: 'mutation { deleteConnectionConfig(key: "nope") }' },
  upsertPolicies: { scope: Scope.POLICY_CREATE_OR_UPDATE, query: 'mutation { upsertPolicies(input: []) { key } }' },
  deletePolicy: { scope: Scope.POLICY_DELETE, query: 'mutation { deletePolicy(key: "nope") }' },
  setPreWebhooks: { scope: Scope.WEBHOOK_CREATE_OR_UPDATE, query: 'mutation { setPreWebhooks(policyKey: "nope", webhooks: []) { key } }' },
  setPostWebhooks: {
    scope: Scope.WEBHOOK_CREATE_OR_UPDATE,
    query: 'mutation { setPostWebhooks(policyKey: "nope", webhooks: []) { key } }',
  },
  patchWebhook: {
    scope: Scope.WEBHOOK_CREATE_OR_UPDATE,
    query: 'mutation { patchWebhook(policyKey: "nope", phase: PRE_EXECUTION, key: "nope", patch: { name: "n" }) { newOrder { key } } }',
  },
  deleteWebhook: {
    scope: Scope.WEBHOOK_DELETE,
    query: 'mutation { deleteWebhook(policyKey: "nope", phase: PRE_EXECUTION, key: "nope") { newOrder { key } } }',
  },
  createPrivacyRequests: { scope: Scope.PRIVACY_REQUEST_CREATE, query: 'mutation { createPrivacyRequests(input: []) { id } }' },
  resumePrivacyRequest: { scope: null, query: 'mutation { resumePrivacyRequest(token: "not-a-reply-to-token") { id } }' },
  retryPrivacyRequest: {
    scope: Scope.PRIVACY_REQUEST_REVIEW,
    query: 'mutation { retryPrivacyRequest(id: "00000000-0000-4000-8000-000000000000") { id } }',
  },
  cancelPrivacyRequest: {
    scope: Scope.PRIVACY_REQUEST_REVIEW,
    query: 'mutation { cancelPrivacyRequest(id: "00000000-0000-4000-8000-000000000000") { id } }',
  },
  createApiClient: { scope: Scope.CLIENT_CREATE, query: 'mutation { createApiClient(scopes: ["client:create"]) { clientId } }' },
  apiClients: { scope: Scope.CLIENT_ADMIN, query: '{ apiClients { clientId } }' },
  revokeApiClient: { scope: Scope.CLIENT_ADMIN, query: 'mutation { revokeApiClient(clientId: "nope") { clientId } }' },
};

/** Field resolvers that reach no data of their own and so need no scope beyond their parent's. */
const UNSCOPED_FIELD_RESOLVERS: string[] = [];

let t: TestServer;
let schema: GraphQLSchema;
const tokens = new Map<string, Promise<string>>();
const tokenFor = (scopes: string[]) => {
  const key = scopes.join(' ');
  if (!tokens.has(key)) tokens.set(key, t.token(scopes));
  return tokens.get(key)!;
};

beforeAll(async () => {
  [t, schema] = await Promise.all([startTestServer(), buildSchema()]);
});
afterAll(() => t.close());

const operationsOf = (s: GraphQLSchema) => [
  ...Object.keys(s.getQueryType()?.getFields() ?? {}),
  ...Object.keys(s.getMutationType()?.getFields() ?? {}),
];
/** Read when the tests are declared, so entries for operations not in the schema yet show as skipped. */
const PUBLISHED = operationsOf(buildSchemaFromSdl(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8')));
const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.code);

describe('the scope table', () => {
  it('has an entry for every query and mutation of schema.graphql and of the schema the code builds', () => {
    expect(PUBLISHED.filter((name) => !(name in OPERATIONS))).toEqual([]);
    expect(operationsOf(schema).filter((name) => !(name in OPERATIONS))).toEqual([]);
  });

  describe.each(Object.entries(OPERATIONS))('%s', (name, { scope, query }) => {
    const it = PUBLISHED.includes(name) ? global.it : global.it.skip;

    it(scope ? `answers UNAUTHENTICATED without a token` : 'answers the same without a bearer token as with one', async () => {
      const res = await t.gqlAs(null, query);
      if (scope) {
        expect(codes(res)).toEqual(['UNAUTHENTICATED']);
      } else {
        expect(codes(res)).toEqual(codes(await t.gql(query)));
        expect(codes(res)).not.toContain('FORBIDDEN');
      }
    });

    if (!scope) return;

    it(`answers FORBIDDEN with requiredScope "${scope}" to a token with every other scope`, async () => {
      const res = await t.gqlAs(await tokenFor(ALL_SCOPES.filter((s) => s !== scope)), query);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: scope });
      expect(res.errors![0].message).toContain(scope);
    });

    it(`is allowed with just "${scope}"`, async () => {
      const res = await t.gqlAs(await tokenFor([scope]), query);
      expect(codes(res)).not.toContain('UNAUTHENTICATED');
      expect(codes(res)).not.toContain('FORBIDDEN');
    });
  });

  it('every relation field resolver names the scope it needs', () => {
    const unscoped = getMetadataStorage()
      .fieldResolvers.filter((f) => !f.roles?.length)
      .map((f) => `${f.target.name}.${f.methodName}`)
      .filter((name) => !UNSCOPED_FIELD_RESOLVERS.includes(name));
    expect(unscoped).toEqual([]);
  });
});

describe('nested fields check their own scope', () => {
  const NESTED = '{ policy(key: "nested") { key preWebhooks { key connectionConfig { key } } } }';

  beforeAll(async () => {
    await createConnection(t, 'crm');
    await createPolicy(t, 'nested');
    await givenWebhooks(t, 'nested', 'PRE_EXECUTION', ['hook'], 'crm');
  });

  it('policy:read alone cannot read the webhooks', async () => {
    const res = await t.gqlAs(await tokenFor([Scope.POLICY_READ]), NESTED);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: Scope.WEBHOOK_READ });
    expect(res.errors![0].path).toEqual(['policy', 'preWebhooks']);
  });

  it("policy:read and webhook:read cannot read the webhooks' connection", async () => {
    const res = await t.gqlAs(await tokenFor([Scope.POLICY_READ, Scope.WEBHOOK_READ]), NESTED);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: Scope.CONNECTION_READ });
    expect(res.errors![0].path).toEqual(['policy', 'preWebhooks', 0, 'connectionConfig']);
  });

  it('policy:read, webhook:read and connection:read read it all', async () => {
    const res = await t.gqlAs(await tokenFor([Scope.POLICY_READ, Scope.WEBHOOK_READ, Scope.CONNECTION_READ]), NESTED);
    expect(dataOf(res).policy).toEqual({ key: 'nested', preWebhooks: [{ key: 'hook', connectionConfig: { key: 'crm' } }] });
  });

  it("a webhook's policy needs policy:read besides webhook:read", async () => {
    const query = '{ webhook(policyKey: "nested", phase: PRE_EXECUTION, key: "hook") { key policy { key } } }';
    const res = await t.gqlAs(await tokenFor([Scope.WEBHOOK_READ]), query);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: Scope.POLICY_READ });
  });
});

/**
 * Every Query field that returns objects, the call the walk below starts from (over the data
 * seeded for it) and its scope. A new root query missing here fails the test.
 */
const ROOTS: Record<string, { scope: ScopeName; call: string }> = {
  connectionConfigs: { scope: Scope.CONNECTION_READ, call: 'connectionConfigs' },
  connectionConfig: { scope: Scope.CONNECTION_READ, call: 'connectionConfig(key: "walk-crm")' },
  policies: { scope: Scope.POLICY_READ, call: 'policies' },
  policy: { scope: Scope.POLICY_READ, call: 'policy(key: "walk")' },
  webhook: { scope: Scope.WEBHOOK_READ, call: 'webhook(policyKey: "walk", phase: PRE_EXECUTION, key: "walk-hook")' },
  privacyRequests: { scope: Scope.PRIVACY_REQUEST_READ, call: 'privacyRequests' },
  privacyRequest: { scope: Scope.PRIVACY_REQUEST_READ, call: 'privacyRequest(id: "$REQUEST")' },
  apiClients: { scope: Scope.CLIENT_ADMIN, call: 'apiClients' },
};

type Step = { type: GraphQLObjectType; path: string[] };
const objectFields = (type: GraphQLObjectType) =>
  Object.values(type.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined));

/** The shortest path from a root query to `target` that needs no `avoid` scope on the way, or null. */
function pathTo(schema: GraphQLSchema, target: GraphQLObjectType, avoid: ScopeName): string[] | null {
  const queue: Step[] = [];
  for (const [name, field] of Object.entries(schema.getQueryType()!.getFields())) {
    const type = getNamedType(field.type);
    if (type instanceof GraphQLObjectType && ROOTS[name] && ROOTS[name].scope !== avoid) queue.push({ type, path: [name] });
  }
  const seen = new Set<string>();
  for (let step = queue.shift(); step; step = queue.shift()) {
    if (step.type === target) return step.path;
    if (seen.has(step.type.name)) continue;
    seen.add(step.type.name);
    for (const field of objectFields(step.type)) {
      const type = getNamedType(field.type);
      if (type instanceof GraphQLObjectType && READ_SCOPE_OF_TYPE[type.name] !== avoid)
        queue.push({ type, path: [...step.path, field.name] });
    }
  }
  return null;
}

const typesReachedFrom = (schema: GraphQLSchema, root: GraphQLObjectType | null | undefined) => {
  const seen = new Set<string>();
  const visit = (type: GraphQLObjectType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (named instanceof GraphQLObjectType) visit(named);
    }
  };
  for (const field of Object.values(root?.getFields() ?? {})) {
    const named = getNamedType(field.type);
    if (named instanceof GraphQLObjectType) visit(named);
  }
  return seen;
};

/**
 * Every field of a type a query can reach that returns an entity of READ_SCOPE_OF_TYPE, with the
 * shortest path to it that a token without that entity's scope can walk: the field must answer
 * FORBIDDEN there. A field whose every path already needs the scope (a list's nodes) is left out.
 */
function nestedEntityFields(schema: GraphQLSchema) {
  const cases: { field: string; scope: ScopeName; path: string[] }[] = [];
  for (const typeName of typesReachedFrom(schema, schema.getQueryType())) {
    const parent = schema.getType(typeName) as GraphQLObjectType;
    for (const field of Object.values(parent.getFields())) {
      const scope = READ_SCOPE_OF_TYPE[getNamedType(field.type).name];
      const path = scope && pathTo(schema, parent, scope);
      if (path) cases.push({ field: `${typeName}.${field.name}`, scope, path: [...path, field.name] });
    }
  }
  return cases;
}

const selectionOf = (path: string[], requestId: string) =>
  path.reduceRight((inner, name, i) => {
    const call = i === 0 ? ROOTS[name].call.replace('$REQUEST', requestId) : name;
    return `${call} { ${inner} }`;
  }, '__typename');

describe('every path to an entity needs its read scope', () => {
  const published = buildSchemaFromSdl(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
  const CASES = nestedEntityFields(published);
  let requestId = '';

  beforeAll(async () => {
    await createConnection(t, 'walk-crm');
    await createPolicy(t, 'walk');
    await givenWebhooks(t, 'walk', 'PRE_EXECUTION', ['walk-hook'], 'walk-crm');
    const created = dataOf(
      await t.gql('mutation { createPrivacyRequests(input: [{ policyKey: "walk", identity: { email: "walk@example.com" } }]) { id } }'),
    );
    requestId = created.createPrivacyRequests[0].id;
    // The chain and a delivery, as a worker would have written them (this server runs no worker).
    await t.sql(
      `insert into chain_step (privacy_request_id, phase, position, webhook_id, webhook_key)
       select ?, 'pre', 0, id, key from policy_webhook where key = 'walk-hook'`,
      [requestId],
    );
    await t.sql(
      `insert into webhook_delivery (id, privacy_request_id, webhook_id, phase, webhook_key, attempt, outcome, duration_ms, created_at)
       select gen_random_uuid(), ?, id, 'pre', key, 1, 'DELIVERED', 5, now() from policy_webhook where key = 'walk-hook'`,
      [requestId],
    );
  });

  it('has a start for every root query returning objects', () => {
    const roots = Object.entries(published.getQueryType()!.getFields())
      .filter(([, f]) => getNamedType(f.type) instanceof GraphQLObjectType)
      .map(([name]) => name);
    expect(roots.filter((name) => !(name in ROOTS))).toEqual([]);
  });

  it('covers the subscriptions: everything they reach, a query reaches too', () => {
    const fromQueries = typesReachedFrom(published, published.getQueryType());
    expect([...typesReachedFrom(published, published.getSubscriptionType())].filter((type) => !fromQueries.has(type))).toEqual([]);
  });

  it('finds the nested paths of the issue', () => {
    expect(CASES.map((c) => c.field)).toEqual(
      expect.arrayContaining([
        'PrivacyRequest.policy',
        'PrivacyRequest.failedWebhook',
        'WebhookDelivery.webhook',
        'ChainStep.webhook',
        'Policy.preWebhooks',
        'PolicyWebhook.connectionConfig',
        'PolicyWebhook.policy',
      ]),
    );
  });

  describe.each(CASES)('$field', ({ scope, path }) => {
    it(`answers FORBIDDEN with requiredScope "${scope}" at ${path.join('.')} to a token with every other scope`, async () => {
      const query = `{ ${selectionOf(path, requestId)} }`;
      const res = await t.gqlAs(await tokenFor(ALL_SCOPES.filter((s) => s !== scope)), query);
      const denied = (res.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN');
      expect(denied.length).toBeGreaterThan(0);
      for (const error of denied) {
        expect(error.extensions).toMatchObject({ requiredScope: scope });
        expect(error.path!.filter((p) => typeof p === 'string')).toEqual(path);
      }
      expect(codes(await t.gql(query))).toEqual([]);
    });
  });

  it('privacy-request:read alone reads a request but not its policy or webhooks', async () => {
    const query = `{ privacyRequest(id: "${requestId}") { id policy { key name } failedWebhook { key }
      deliveries { webhookKey webhook { key name } } chain { webhookKey webhook { key } } } }`;
    const res = await t.gqlAs(await tokenFor([Scope.PRIVACY_REQUEST_READ]), query);
    expect(res.errors!.map((e) => [e.path!.join('.'), e.extensions!.requiredScope]).sort()).toEqual([
      ['privacyRequest.chain.0.webhook', Scope.WEBHOOK_READ],
      ['privacyRequest.deliveries.0.webhook', Scope.WEBHOOK_READ],
      ['privacyRequest.failedWebhook', Scope.WEBHOOK_READ],
      ['privacyRequest.policy', Scope.POLICY_READ],
    ]);
    expect(JSON.stringify(res.data)).not.toContain('walk name');
  });
});

describe('an operation without a token', () => {
  it('answers UNAUTHENTICATED, says where to get a token, and touches no data', async () => {
    let res: GraphQLResponse = {};
    const { count } = await t.countStatements(async () => {
      res = await t.gqlAs(null, '{ a: policies { totalCount } b: connectionConfigs { totalCount } }');
    });
    expect(new Set(codes(res))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(res.errors![0].message).toContain('/oauth/token');
    expect(res.data).toBeNull();
    expect(count).toBe(0);
  });

  it('cannot change anything', async () => {
    const res = await t.gqlAs(null, 'mutation { upsertPolicies(input: [{ key: "sneaky", name: "Sneaky" }]) { key } }');
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(await t.sql("select 1 from policy where key = 'sneaky'")).toHaveLength(0);
  });
});
