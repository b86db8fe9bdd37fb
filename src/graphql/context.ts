import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessTokenClaims } from '../domain/access-tokens';
import type { ClientAccess } from '../domain/client-access';
import type { SecretBox } from '../domain/crypto';
import type { TestCall } from '../domain/connection-test';
import type { Logger } from '../logger';
import type { CostBudget } from './limits';
import { createLoaders, type Loaders } from './loaders';
import type { ChangeFeed, SubscriberLimits } from './subscriptions/change-feed';

/** What a subscription over WebSocket gets: the process's change feed and its socket's limits. */
export interface LiveServices {
  feed: ChangeFeed;
  limits: SubscriberLimits;
}

/** What every resolver gets: a request-scoped EntityManager, loaders, and the request's id and logger. */
export interface Context {
  em: EntityManager;
  box: SecretBox;
  /** Makes testConnectionConfig's call. */
  testCall: TestCall;
  loaders: Loaders;
  requestId: string;
  logger: Logger;
  /** The verified bearer token's claims; null when the request carried none. */
  auth: AccessTokenClaims | null;
  /** Which API clients' tokens still work; revocations go through it. */
  clients: ClientAccess;
  /** Set for the operations of a batched request: the cost limit they share. */
  costBudget?: CostBudget;
  /** Set for operations over WebSocket only. */
  live?: LiveServices;
}

export interface ContextServices {
  em: EntityManager;
  box: SecretBox;
  testCall: TestCall;
  logger: Logger;
  clients: ClientAccess;
}

/** A subscription's context for one event: the event's EntityManager and loaders, shared by every subscriber of that event. */
export function eventContext(base: Context, em: EntityManager, loaders: Loaders): Context {
  return {
    em,
    box: base.box,
    loaders,
    requestId: base.requestId,
    get logger() {
      return base.logger;
    },
    auth: base.auth,
    clients: base.clients,
    testCall: base.testCall,
    live: base.live,
  };
}

/** The EntityManager fork, loaders and child logger are made on first use: many requests need none. */
export function createContext(
  services: ContextServices,
  requestId: string,
  auth: AccessTokenClaims | null = null,
  costBudget?: CostBudget,
): Context {
  let em: EntityManager | undefined;
  let loaders: Loaders | undefined;
  let logger: Logger | undefined;
  return {
    get em() {
      return (em ??= services.em.fork());
    },
    box: services.box,
    testCall: services.testCall,
    get loaders() {
      return (loaders ??= createLoaders(this.em));
    },
    requestId,
    get logger() {
      return (logger ??= services.logger.child({ requestId }));
    },
    auth,
    clients: services.clients,
    costBudget,
  };
}
