import type { NextFunction, Request, Response } from 'express';
import { InvalidTokenError, type AccessTokenClaims, type AccessTokenSigner } from '../domain/access-tokens';
import type { ClientAccess } from '../domain/client-access';
import { bearerToken } from './bearer-token';

/**
 * Verifies the bearer token on every /graphql request and leaves its claims in
 * res.locals.auth. No token: auth is null and each operation that needs a scope answers
 * UNAUTHENTICATED. A token that is present but invalid or expired rejects the whole request with
 * one 401 error, so a client is not told the same thing once per field. So does a token of a
 * revoked client.
 */
export function bearerAuth(signer: AccessTokenSigner, clients: ClientAccess) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization?.trim();
    if (!header) {
      res.locals.auth = null;
      return next();
    }
    try {
      res.locals.auth = (await verifyAuthorization(signer, clients, header)) satisfies AccessTokenClaims;
      next();
    } catch (err) {
      if (err instanceof InvalidTokenError) return unauthenticated(req, res, err.message);
      next(err);
    }
  };
}

/**
 * The claims of an Authorization value "Bearer <token>" (HTTP header or WebSocket
 * connection_init) whose client is not revoked; InvalidTokenError otherwise.
 */
export async function verifyAuthorization(signer: AccessTokenSigner, clients: ClientAccess, value: string): Promise<AccessTokenClaims> {
  const token = bearerToken(value);
  if (!token) throw new InvalidTokenError('malformed', BEARER_FORMAT);
  const claims = signer.verify(token);
  if (!(await clients.isActive(claims.clientId))) throw new InvalidTokenError('revoked', REVOKED);
  return claims;
}

export const REVOKED = 'the access token is not valid: its client has been revoked';

const BEARER_FORMAT = 'the Authorization header must be "Bearer <access token>"; get a token at POST /oauth/token';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** In the media type the client asked for, as Apollo answers: Apollo Client 4 reads a 401's errors only from graphql-response+json. */
function unauthenticated(req: Request, res: Response, message: string) {
  const type = req.accepts(['application/json', GRAPHQL_RESPONSE]) === GRAPHQL_RESPONSE ? GRAPHQL_RESPONSE : 'application/json';
  res
    .status(401)
    .set('WWW-Authenticate', `Bearer error="invalid_token", error_description="${message.replace(/"/g, "'")}"`)
    .type(type)
    .send(JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }));
}
