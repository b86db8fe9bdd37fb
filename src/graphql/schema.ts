import 'reflect-metadata';
import { DateTimeScalar } from './types/date-time';
import { buildSchema as buildTypeGraphQLSchema, type BuildSchemaOptions } from 'type-graphql';
import { ApiClientResolver } from './resolvers/api-client.resolver';
import { scopeAuthChecker } from './auth';
import { resolveFieldsDirectly } from './engine/direct-resolvers';
import { describeScopes } from './schema-docs';
import { ConnectionConfigResolver } from './resolvers/connection-config.resolver';
import { PolicyResolver } from './resolvers/policy.resolver';
import { WebhookResolver } from './resolvers/webhook.resolver';
import { ChainStepResolver, PrivacyRequestResolver, WebhookDeliveryResolver } from './resolvers/privacy-request.resolver';

export const resolvers = [ConnectionConfigResolver, PolicyResolver, WebhookResolver, ApiClientResolver,
  PrivacyRequestResolver, ChainStepResolver, WebhookDeliveryResolver] as const;

export async function buildSchema() {
  const options: BuildSchemaOptions = {
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    authChecker: scopeAuthChecker,
    emitSchemaFile: false,
  };
  return describeScopes(resolveFieldsDirectly(await buildTypeGraphQLSchema(options), options), options);
}
