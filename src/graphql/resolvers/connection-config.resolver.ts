import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { setConnectionSecrets } from '../../domain/connection-secrets';
import { deleteConnectionConfig, findConnectionByKey, listConnectionConfigs, upsertConnectionConfigs } from '../../domain/connections';
import type { ConnectionConfigView } from '../../domain/views';
import type { Context } from '../context';
import { Scope } from '../scopes';
import { ConnectionConfigInput, ConnectionSecretsInput } from '../inputs/connection-config';
import { ConnectionConfigConnection, ConnectionConfigType } from '../types/connection-config';
import { toConnection } from '../types/page';

@Resolver(() => ConnectionConfigType)
export class ConnectionConfigResolver {
  @Authorized(Scope.CONNECTION_READ)
  @Query(() => ConnectionConfigConnection)
  connectionConfigs(
    @Ctx() { em }: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return listConnectionConfigs(em, { first, after }).then((page) => toConnection(page, (c) => c.key));
  }

  @Authorized(Scope.CONNECTION_READ)
  @Query(() => ConnectionConfigType, { nullable: true })
  connectionConfig(@Ctx() { em }: Context, @Arg('key', () => String) key: string): Promise<ConnectionConfigView | null> {
    return findConnectionByKey(em, key);
  }

  @Authorized(Scope.CONNECTION_CREATE_OR_UPDATE)
  @Mutation(() => [ConnectionConfigType], { description: 'Create or update by key, at most 50 at once, all-or-nothing.' })
  upsertConnectionConfigs(
    @Ctx() { em }: Context,
    @Arg('input', () => [ConnectionConfigInput]) input: ConnectionConfigInput[],
  ): Promise<ConnectionConfigView[]> {
    return upsertConnectionConfigs(em, input);
  }

  @Authorized(Scope.CONNECTION_CREATE_OR_UPDATE)
  @Mutation(() => ConnectionConfigType, { description: "Replace the connection's secrets; they are stored encrypted." })
  setConnectionSecrets(
    @Ctx() { em, box }: Context,
    @Arg('key', () => String) key: string,
    @Arg('secrets', () => ConnectionSecretsInput) secrets: ConnectionSecretsInput,
  ): Promise<ConnectionConfigView> {
    return setConnectionSecrets(em, box, key, secrets);
  }

  @Authorized(Scope.CONNECTION_DELETE)
  @Mutation(() => Boolean, { description: 'CONFLICT while webhooks still use it.' })
  deleteConnectionConfig(@Ctx() { em }: Context, @Arg('key', () => String) key: string): Promise<boolean> {
    return deleteConnectionConfig(em, key);
  }
}
