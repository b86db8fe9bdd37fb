import 'reflect-metadata';
import { DateTimeScalar } from './types/date-time';
import { buildSchema as buildTypeGraphQLSchema, type BuildSchemaOptions, type PubSub } from 'type-graphql';
import { ApiClientResolver } from './resolvers/api-client.resolver';
import { scopeAuthChecker } from './auth';
import { resolveFieldsDirectly } from './engine/direct-resolvers';
import { describeScopes } from './schema-docs';
import { ConnectionConfigResolver } from './resolvers/connection-config.resolver';
import { PolicyResolver } from './resolvers/policy.resolver';
import { WebhookResolver } from './resolvers/webhook.resolver';
import { ChainStepResolver, PrivacyRequestResolver, WebhookDeliveryResolver } from './resolvers/privacy-request.resolver';
import { SubscriptionResolver } from './resolvers/subscription.resolver';

export const resolvers = [
  ConnectionConfigResolver,
  PolicyResolver,
  WebhookResolver,
  ApiClientResolver,
  PrivacyRequestResolver,
  ChainStepResolver,
  WebhookDeliveryResolver,
  SubscriptionResolver,
] as const;

/** type-graphql requires a PubSub; every @Subscription has its own subscribe, fed by the database (ChangeFeed). */
const noTopics: PubSub = {
  publish() {
    throw new Error('events are published by PostgreSQL NOTIFY, not in memory');
  },
  subscribe() {
    throw new Error('every subscription field has its own subscribe');
  },
};

export async function buildSchema() {
  const options: BuildSchemaOptions = {
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    authChecker: scopeAuthChecker,
    emitSchemaFile: false,
    pubSub: noTopics,
  };
  return describeScopes(resolveFieldsDirectly(await buildTypeGraphQLSchema(options), options), options);
}
