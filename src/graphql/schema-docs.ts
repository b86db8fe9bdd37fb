import type { GraphQLField, GraphQLSchema } from 'graphql';
import { getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';

/** type-graphql has no description option for the root types. */
const ROOT_DESCRIPTIONS = {
  Query:
    'Reads. Every field needs an access token (Authorization: Bearer, from POST /oauth/token) and names its scope: ' +
    'UNAUTHENTICATED without a valid token, FORBIDDEN (with extensions.requiredScope) when the token lacks the scope. ' +
    'Nested relation fields check their own scope.',
  Mutation:
    'Writes, each all-or-nothing: a failed mutation changes nothing. Each field names its scope and errors; ' +
    'UNAUTHENTICATED without a valid token, FORBIDDEN when the token lacks the scope.',
  Subscription:
    'Live updates over WebSocket (graphql-ws, `graphql-transport-ws`) on /graphql; the access token goes in ' +
    'connection_init as {"Authorization": "Bearer <token>"}. Each field names its scope (FORBIDDEN without it).',
} as const;

/**
 * Describes the root types and appends to every field the scope its @Authorized names, so the
 * documented scope is the enforced one. A field without a description of its own stays without
 * (test/schema-descriptions.test.ts reports it).
 */
export function describeScopes(schema: GraphQLSchema, options: BuildSchemaOptions): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (root && !root.description) root.description = ROOT_DESCRIPTIONS[root.name as keyof typeof ROOT_DESCRIPTIONS] ?? null;
  }
  const metadata = getMetadataStorage().clone();
  metadata.build({ ...options, resolvers: [...options.resolvers] });
  const rootFields: [GraphQLSchema['getQueryType'] extends () => infer T ? T : never, typeof metadata.queries][] = [
    [schema.getQueryType(), metadata.queries],
    [schema.getMutationType(), metadata.mutations],
    [schema.getSubscriptionType(), metadata.subscriptions],
  ];
  for (const [type, handlers] of rootFields) {
    for (const handler of handlers) appendScope(type?.getFields()[handler.schemaName], handler.roles);
  }
  for (const objectType of metadata.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!type || !('getFields' in type)) continue;
    for (const field of objectType.fields ?? [])
      appendScope(type.getFields()[field.schemaName] as GraphQLField<unknown, unknown>, field.roles);
  }
  return schema;
}

function appendScope(field: GraphQLField<unknown, unknown> | undefined, roles: unknown[] | undefined): void {
  if (!field?.description || !roles?.length) return;
  field.description = `${field.description} Scope: ${roles.map((r) => `\`${String(r)}\``).join(' or ')}.`;
}
