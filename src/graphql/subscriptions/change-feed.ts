import type { EntityManager } from '@mikro-orm/postgresql';
import type { PolicyWebhooksChangedEvent, RequestChangedEvent } from '../../db/notify';
import { findPoliciesByIds } from '../../domain/policies';
import * as requests from '../../domain/privacy-request';
import type { PrivacyRequestView } from '../../domain/privacy-request';
import type { PolicyView } from '../../domain/views';
import type { Logger } from '../../logger';
import { createLoaders, type Loaders } from '../loaders';
import { LatestQueue } from './latest-queue';

/** One state read for subscribers, with the loaders its nested fields share (one statement per relation and batch). */
export interface FeedEvent<T> {
  value: T;
  em: EntityManager;
  loaders: Loaders;
}

export type RequestEvent = FeedEvent<PrivacyRequestView>;
export type PolicyEvent = FeedEvent<PolicyView>;

export interface SubscriberLimits {
  /** Events a subscription may have waiting before it counts as a slow consumer. */
  maxWaiting: number;
  onSlowConsumer(): void;
}

// Notices may have been missed while the LISTEN connection was down; look this far before it
// was last known alive, for transactions that began earlier and committed later.
const CATCH_UP_MARGIN_MS = 60_000;
const RETRY_READ_MS = 500;

/**
 * The process's fan-out: change notices from the database mark requests and policies dirty;
 * one read at a time re-reads all dirty ones (through the same views and loaders as queries)
 * and hands the states to their subscribers. A notice that arrives during a read is read again
 * afterwards, so the last state each subscriber gets is the committed one.
 */
export class ChangeFeed {
  private readonly requestWatchers = new Map<string, Set<LatestQueue<RequestEvent>>>();
  private readonly statusWatchers = new Map<LatestQueue<RequestEvent>, string | null>();
  private readonly policyWatchers = new Map<string, Set<LatestQueue<PolicyEvent>>>();
  private readonly dirtyRequests = new Map<string, boolean>();
  private readonly dirtyPolicies = new Set<string>();
  private reading: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly em: EntityManager,
    private readonly logger: Logger,
  ) {}

  requestChanged({ id, status }: RequestChangedEvent): void {
    const statusChanged = status !== null && this.statusWatchers.size > 0;
    if (!statusChanged && !this.requestWatchers.has(id)) return;
    this.dirtyRequests.set(id, this.dirtyRequests.get(id) || statusChanged);
    this.schedule();
  }

  policyWebhooksChanged({ policyId }: PolicyWebhooksChangedEvent): void {
    if (!this.policyWatchers.has(policyId)) return;
    this.dirtyPolicies.add(policyId);
    this.schedule();
  }

  /** After the LISTEN connection was lost and is back: everything watched is read again. */
  async resumed(lastAlive: Date): Promise<void> {
    for (const id of this.requestWatchers.keys()) this.dirtyRequests.set(id, this.dirtyRequests.get(id) ?? false);
    for (const id of this.policyWatchers.keys()) this.dirtyPolicies.add(id);
    if (this.statusWatchers.size) {
      const since = new Date(lastAlive.getTime() - CATCH_UP_MARGIN_MS);
      for (const id of await requests.idsChangedSince(this.em.fork(), since)) this.dirtyRequests.set(id, true);
    }
    this.schedule();
  }

  /** A request's states from now on; `initial` (read after registering) is sent first unless a newer one came. */
  watchRequest(id: string, limits: SubscriberLimits): { events: LatestQueue<RequestEvent>; sendInitial(view: PrivacyRequestView): void } {
    const events = new LatestQueue<RequestEvent>(
      limits.maxWaiting,
      () => limits.onSlowConsumer(),
      () => remove(this.requestWatchers, id, events),
    );
    add(this.requestWatchers, id, events);
    return {
      events,
      sendInitial: (view) => {
        if (!events.touched) events.push(id, this.event(view, this.em.fork()));
      },
    };
  }

  /** Every request whose status changes (to `status`, when given), from now on. */
  watchStatusChanges(status: string | null, limits: SubscriberLimits): LatestQueue<RequestEvent> {
    const events = new LatestQueue<RequestEvent>(
      limits.maxWaiting,
      () => limits.onSlowConsumer(),
      () => this.statusWatchers.delete(events),
    );
    this.statusWatchers.set(events, status);
    return events;
  }

  watchPolicyWebhooks(policyId: string, limits: SubscriberLimits): LatestQueue<PolicyEvent> {
    const events = new LatestQueue<PolicyEvent>(
      limits.maxWaiting,
      () => limits.onSlowConsumer(),
      () => remove(this.policyWatchers, policyId, events),
    );
    add(this.policyWatchers, policyId, events);
    return events;
  }

  /** Events read but not yet taken by their subscriptions. */
  get waiting(): number {
    let n = 0;
    for (const set of this.requestWatchers.values()) for (const events of set) n += events.size;
    for (const set of this.policyWatchers.values()) for (const events of set) n += events.size;
    for (const events of this.statusWatchers.keys()) n += events.size;
    return n;
  }

  /** Stops reading; resolves when the read in progress has handed out its states. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.reading;
  }

  private schedule(): void {
    if (this.reading || this.retryTimer || this.stopped) return;
    this.reading = this.readDirty().finally(() => {
      this.reading = null;
      if (this.dirtyRequests.size || this.dirtyPolicies.size) this.schedule();
    });
  }

  private async readDirty(): Promise<void> {
    const dirty = new Map(this.dirtyRequests);
    const policies = [...this.dirtyPolicies];
    this.dirtyRequests.clear();
    this.dirtyPolicies.clear();
    const em = this.em.fork();
    try {
      const [views, policyViews] = await Promise.all([
        dirty.size ? requests.findMany(em, [...dirty.keys()]) : [],
        policies.length ? findPoliciesByIds(em, policies) : [],
      ]);
      const loaders = createLoaders(em);
      for (const view of views) this.deliverRequest({ value: view, em, loaders }, dirty.get(view.id)!);
      const found = new Set(policyViews.map((p) => p.id));
      for (const policy of policyViews)
        for (const events of this.policyWatchers.get(policy.id) ?? []) events.push(policy.id, { value: policy, em, loaders });
      for (const id of policies) if (!found.has(id)) for (const events of [...(this.policyWatchers.get(id) ?? [])]) events.end();
    } catch (err) {
      this.logger.error({ err }, 'could not read changed states for subscribers; trying again');
      for (const [id, statusChanged] of dirty) this.dirtyRequests.set(id, this.dirtyRequests.get(id) || statusChanged);
      for (const id of policies) this.dirtyPolicies.add(id);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.schedule();
      }, RETRY_READ_MS);
    }
  }

  private deliverRequest(event: RequestEvent, statusChanged: boolean): void {
    const { id, status } = event.value;
    for (const events of this.requestWatchers.get(id) ?? []) events.push(id, event);
    if (!statusChanged) return;
    for (const [events, wanted] of this.statusWatchers) if (wanted === null || wanted === (status as string)) events.push(id, event);
  }

  private event(view: PrivacyRequestView, em: EntityManager): RequestEvent {
    return { value: view, em, loaders: createLoaders(em) };
  }
}

function add<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function remove<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (!set.size) map.delete(key);
}
