import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { createApiClient, listApiClients, validScopes, type ApiClientView, type ClientCredentials } from '../../domain/api-clients';
import { forbidden } from '../auth';
import type { Context } from '../context';
import { ALL_SCOPES, Scope } from '../scopes';
import { ApiClientCredentialsType, ApiClientType } from '../types/api-client';

@Resolver()
export class ApiClientResolver {
  @Authorized(Scope.CLIENT_CREATE)
  @Mutation(() => ApiClientCredentialsType, {
    description:
      'A new OAuth client for POST /oauth/token; the secret is shown only here. A client can only grant scopes it holds ' +
      '(FORBIDDEN otherwise); BAD_USER_INPUT for no scope or an unknown one.',
  })
  createApiClient(
    @Ctx() { em, auth }: Context,
    @Arg('scopes', () => [String], { description: 'Scopes the new client holds, such as "policy:read"; at least one.' }) scopes: string[],
  ): Promise<ClientCredentials> {
    const notHeld = validScopes(scopes, ALL_SCOPES).filter((s) => !auth!.scopes.includes(s));
    if (notHeld.length) {
      throw forbidden(notHeld[0], `a client can only grant scopes its own token holds; missing ${notHeld.map((s) => `"${s}"`).join(', ')}`);
    }
    return createApiClient(em, scopes, ALL_SCOPES);
  }

  @Authorized(Scope.CLIENT_ADMIN)
  @Query(() => [ApiClientType], {
    description: 'Every API client made by createApiClient, oldest first, revoked ones included; never a secret.',
  })
  apiClients(@Ctx() { em }: Context): Promise<ApiClientView[]> {
    return listApiClients(em);
  }

  @Authorized(Scope.CLIENT_ADMIN)
  @Mutation(() => ApiClientType, {
    description:
      'Revokes an API client: /oauth/token refuses its secret at once and its access tokens stop working within a few seconds. ' +
      'Revoking it again changes nothing. The root client cannot be revoked (BAD_USER_INPUT); an unknown clientId is NOT_FOUND.',
  })
  revokeApiClient(
    @Ctx() { em, clients }: Context,
    @Arg('clientId', { description: 'The client_id of the client to revoke.' }) clientId: string,
  ): Promise<ApiClientView> {
    return clients.revoke(em, clientId);
  }
}
