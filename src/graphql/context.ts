import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessTokenClaims } from '../domain/access-tokens';
import type { SecretBox } from '../domain/crypto';
import type { Logger } from '../logger';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver gets: a request-scoped EntityManager, loaders, and the request's id and logger. */
export interface Context {
  em: EntityManager;
  box: SecretBox;
  loaders: Loaders;
  requestId: string;
  logger: Logger;
  /** The verified bearer token's claims; null when the request carried none. */
  auth: AccessTokenClaims | null;
}

export interface ContextServices {
  em: EntityManager;
  box: SecretBox;
  logger: Logger;
}

export function createContext(services: ContextServices, requestId: string, auth: AccessTokenClaims | null = null): Context {
  const em = services.em.fork();
  return {
    em,
    box: services.box,
    loaders: createLoaders(em),
    requestId,
    logger: services.logger.child({ requestId }),
    auth,
  };
}
