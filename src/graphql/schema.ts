import 'reflect-metadata';
import { DateTimeScalar } from './types/date-time';
import { buildSchema as buildTypeGraphQLSchema } from 'type-graphql';
import { rejectNulCharacters } from './nul-characters';
import { ConnectionConfigResolver } from './resolvers/connection-config.resolver';
import { PolicyResolver } from './resolvers/policy.resolver';
import { WebhookResolver } from './resolvers/webhook.resolver';

export const resolvers = [ConnectionConfigResolver, PolicyResolver, WebhookResolver] as const;

export function buildSchema() {
  return buildTypeGraphQLSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    // TODO(issue 6): check the bearer token's scopes; every operation already names its scope.
    authChecker: () => true,
    emitSchemaFile: false,
    globalMiddlewares: [rejectNulCharacters],
  });
}
