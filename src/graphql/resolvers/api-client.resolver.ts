import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { createApiClient, validScopes, type ClientCredentials } from '../../domain/api-clients';
import { forbidden } from '../auth';
import type { Context } from '../context';
import { ALL_SCOPES, Scope } from '../scopes';
import { ApiClientCredentialsType } from '../types/api-client';

@Resolver()
export class ApiClientResolver {
  @Authorized(Scope.CLIENT_CREATE)
  @Mutation(() => ApiClientCredentialsType, {
    description: 'A new OAuth client for POST /oauth/token; the secret is shown only here. A client can only grant scopes it holds '
      + '(FORBIDDEN otherwise); BAD_USER_INPUT for no scope or an unknown one.',
  })
  createApiClient(@Ctx() { em, auth }: Context, @Arg('scopes', () => [String], { description: 'Scopes the new client holds, such as "policy:read"; at least one.' }) scopes: string[]): Promise<ClientCredentials> {
    const notHeld = validScopes(scopes, ALL_SCOPES).filter((s) => !auth!.scopes.includes(s));
    if (notHeld.length) {
      throw forbidden(notHeld[0], `a client can only grant scopes its own token holds; missing ${notHeld.map((s) => `"${s}"`).join(', ')}`);
    }
    return createApiClient(em, scopes, ALL_SCOPES);
  }
}
