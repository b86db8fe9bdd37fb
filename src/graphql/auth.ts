import { GraphQLError } from 'graphql';
import type { AuthCheckerFn } from 'type-graphql';
import type { Context } from './context';

/**
 * `@Authorized(Scope.X)` on a query, mutation or relation field: the request's token must carry
 * scope X. Nested fields check their own scope, so reading a policy's webhooks' connections
 * needs policy:read, webhook:read and connection:read.
 */
export const scopeAuthChecker: AuthCheckerFn<Context> = ({ context }, scopes) => {
  if (!context.auth) {
    throw new GraphQLError('this operation needs an access token: send "Authorization: Bearer <token>" (get one at POST /oauth/token)', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  const held = context.auth.scopes;
  if (scopes.some((scope) => held.includes(scope))) return true;
  throw forbidden(scopes[0], `the access token lacks the scope "${scopes.join('" or "')}"`);
};

/** The same check for a scope a field needs besides its own `@Authorized` one. */
export function requireScope(context: Context, scope: string): void {
  void scopeAuthChecker({ context, root: undefined, args: {}, info: undefined as never }, [scope]);
}

export function forbidden(requiredScope: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', requiredScope } });
}
