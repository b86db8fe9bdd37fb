import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ConnectionHealthView } from '../../domain/connection-health';
import { setConnectionSecrets } from '../../domain/connection-secrets';
import { deleteConnectionConfig, findConnectionByKey, listConnectionConfigs, upsertConnectionConfigs } from '../../domain/connections';
import type { ConnectionConfigView } from '../../domain/views';
import { testConnection, type ConnectionTestResult } from '../../domain/connection-test';
import type { Context } from '../context';
import { Scope } from '../scopes';
import { ConnectionConfigInput, ConnectionSecretsInput } from '../inputs/connection-config';
import {
  ConnectionConfigConnection,
  ConnectionConfigType,
  ConnectionHealthType,
  ConnectionTestResultType,
} from '../types/connection-config';
import { PageArgs, selectsTotalCount, toConnection } from '../types/page';

@Resolver(() => ConnectionConfigType)
export class ConnectionConfigResolver {
  @Authorized(Scope.CONNECTION_READ)
  @Query(() => ConnectionConfigConnection, { description: 'All connections, ordered by key.' })
  connectionConfigs(@Ctx() { em }: Context, @Args() page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return listConnectionConfigs(em, { ...page, withCount: selectsTotalCount(info) }).then((found) => toConnection(found, (c) => c.key));
  }

  @Authorized(Scope.CONNECTION_READ)
  @Query(() => ConnectionConfigType, { nullable: true, description: 'The connection with this key; null when there is none.' })
  connectionConfig(
    @Ctx() { em }: Context,
    @Arg('key', () => String, { description: "The connection's key." }) key: string,
  ): Promise<ConnectionConfigView | null> {
    return findConnectionByKey(em, key);
  }

  @Authorized(Scope.CONNECTION_CREATE_OR_UPDATE)
  @Mutation(() => [ConnectionConfigType], {
    description:
      'Create or update by key, at most 50 at once, all-or-nothing; returns them in input order. BAD_USER_INPUT for ' +
      'more than 50, an invalid key or name, a key or name given twice, or a type change of a connection that has secrets; ' +
      'CONFLICT for a name another connection holds, or leaving HTTPS while webhooks use the connection.',
  })
  upsertConnectionConfigs(
    @Ctx() { em }: Context,
    @Arg('input', () => [ConnectionConfigInput], { description: 'The connections to create or update (at most 50).' })
    input: ConnectionConfigInput[],
  ): Promise<ConnectionConfigView[]> {
    return upsertConnectionConfigs(em, input);
  }

  @Authorized(Scope.CONNECTION_CREATE_OR_UPDATE)
  @Mutation(() => ConnectionConfigType, {
    description:
      "Replace the connection's secrets; they are stored encrypted and never returned. NOT_FOUND for an unknown " +
      "key; BAD_USER_INPUT for secrets that do not fit the connection's type or are invalid (messages never quote them).",
  })
  setConnectionSecrets(
    @Ctx() { em, box }: Context,
    @Arg('key', () => String, { description: "The connection's key." }) key: string,
    @Arg('secrets', () => ConnectionSecretsInput, { description: 'The new secrets; they replace the old ones whole.' })
    secrets: ConnectionSecretsInput,
  ): Promise<ConnectionConfigView> {
    return setConnectionSecrets(em, box, key, secrets);
  }

  @Authorized(Scope.CONNECTION_CREATE_OR_UPDATE)
  @Mutation(() => ConnectionTestResultType, {
    description: 'Call the connection\'s URL now with a signed test body ({"type": "test", ...}) and say what came back.',
  })
  testConnectionConfig(
    @Ctx() { em, box, testCall }: Context,
    @Arg('key', () => String, { description: "The connection's key." }) key: string,
  ): Promise<ConnectionTestResult> {
    return testConnection(em, box, testCall, key);
  }

  @Authorized(Scope.CONNECTION_READ)
  @FieldResolver(() => ConnectionHealthType, {
    description: 'Delivery health, from the recorded attempts of the calls made through this connection.',
  })
  health(@Root() connection: ConnectionConfigView, @Ctx() { loaders }: Context): Promise<ConnectionHealthView> {
    return loaders.healthByConnectionId.load(connection.id);
  }

  @Authorized(Scope.CONNECTION_DELETE)
  @Mutation(() => Boolean, {
    description:
      'Delete the connection and its secrets; true when done. NOT_FOUND for an unknown key; CONFLICT while webhooks still use it.',
  })
  deleteConnectionConfig(
    @Ctx() { em }: Context,
    @Arg('key', () => String, { description: "The connection's key." }) key: string,
  ): Promise<boolean> {
    return deleteConnectionConfig(em, key);
  }
}
