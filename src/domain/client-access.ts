import type { EntityManager } from '@mikro-orm/postgresql';
import { isActiveClient, revokeApiClient, type ApiClientView } from './api-clients';

/** How long one answer of "is this client still active" is trusted: the most a revocation made by another server process takes to reach its tokens. */
export const CLIENT_CHECK_CACHE_MS = 2000;
const MAX_CACHED_CLIENTS = 10_000;

/**
 * Whether access tokens issued to a client still work: the root client's always do, a stored
 * client's until it is revoked. Answers are cached for CLIENT_CHECK_CACHE_MS per client, so a
 * token costs a query at most every few seconds; a revocation through this process is seen at once.
 */
export class ClientAccess {
  private readonly cache = new Map<string, { active: Promise<boolean>; until: number }>();

  constructor(
    private readonly em: EntityManager,
    readonly rootClientId: string,
    private readonly cacheMs = CLIENT_CHECK_CACHE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  isActive(clientId: string): Promise<boolean> {
    if (clientId === this.rootClientId) return Promise.resolve(true);
    const cached = this.cache.get(clientId);
    if (cached && cached.until > this.now()) return cached.active;
    if (this.cache.size >= MAX_CACHED_CLIENTS) this.cache.clear();
    const active = isActiveClient(this.em, clientId);
    const entry = { active, until: this.now() + this.cacheMs };
    this.cache.set(clientId, entry);
    // A failed lookup is not an answer: the next request asks again.
    active.catch(() => this.cache.get(clientId) === entry && this.cache.delete(clientId));
    return active;
  }

  async revoke(em: EntityManager, clientId: string): Promise<ApiClientView> {
    const revoked = await revokeApiClient(em, { clientId: this.rootClientId }, clientId);
    this.cache.delete(clientId);
    return revoked;
  }
}
