import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { findConnectionHealth, type ConnectionHealthView } from '../domain/connection-health';
import { findConnectionsByIds, findConnectionsUsedByPolicies } from '../domain/connections';
import { WebhookPhase } from '../domain/enums';
import { findPoliciesByIds, type PolicyWithWebhooks } from '../domain/policies';
import type { ConnectionConfigView, PolicyView, WebhookView } from '../domain/views';
import { findWebhooksByIds, findWebhooksByPolicyIds } from '../domain/webhooks';
import * as requests from '../domain/privacy-request';
import type { ChainStepView, WebhookDeliveryView } from '../domain/privacy-request';

export interface PolicyWebhooks {
  pre: WebhookView[];
  post: WebhookView[];
}

/**
 * Per-request batching: one statement per relation and request, whatever the number of parents.
 * Loading policies' webhooks also loads the connections they use (in parallel, by a subquery), so
 * that a webhook's connection is at hand without a promise per webhook.
 */
export function createLoaders(em: EntityManager) {
  const connectionsAtHand = new Map<string, ConnectionConfigView>();
  const loaders = {
    connectionsAtHand: connectionsAtHand as ReadonlyMap<string, ConnectionConfigView>,
    connectionById: new DataLoader<string, ConnectionConfigView | null>(async (ids) => {
      const byId = new Map((await findConnectionsByIds(em, ids)).map((c) => [c.id, c]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    healthByConnectionId: new DataLoader<string, ConnectionHealthView>((ids) => findConnectionHealth(em, ids)),
    policyById: new DataLoader<string, PolicyView | null>(async (ids) => {
      const byId = new Map((await findPoliciesByIds(em, ids)).map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    webhooksByPolicyId: new DataLoader<string, PolicyWebhooks>(async (policyIds) => {
      const [webhooks, connections] = await Promise.all([
        findWebhooksByPolicyIds(em, policyIds),
        findConnectionsUsedByPolicies(em, policyIds),
      ]);
      for (const connection of connections) connectionsAtHand.set(connection.id, connection);
      return byPhase(policyIds, webhooks);
    }),
    webhookById: new DataLoader<string, WebhookView | null>(async (ids) => {
      const byId = new Map((await findWebhooksByIds(em, ids)).map((w) => [w.id, w]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    deliveriesByRequestId: new DataLoader<string, WebhookDeliveryView[]>(async (requestIds) => {
      const grouped = new Map<string, WebhookDeliveryView[]>(requestIds.map((id) => [id, []]));
      for (const delivery of await requests.findDeliveries(em, requestIds)) grouped.get(delivery.privacyRequestId)!.push(delivery);
      return requestIds.map((id) => grouped.get(id)!);
    }),
    chainByRequestId: new DataLoader<string, ChainStepView[]>(async (requestIds) => {
      const grouped = new Map<string, ChainStepView[]>(requestIds.map((id) => [id, []]));
      for (const step of await requests.findChains(em, requestIds)) grouped.get(step.privacyRequestId)!.push(step);
      return requestIds.map((id) => grouped.get(id)!);
    }),
  };
  return {
    ...loaders,
    /** What one statement already read (findPolicyWithWebhooksByKey): the webhook fields then need none. */
    primePolicyWebhooks({ policy, webhooks, connections }: PolicyWithWebhooks) {
      for (const connection of connections) connectionsAtHand.set(connection.id, connection);
      loaders.policyById.prime(policy.id, policy);
      loaders.webhooksByPolicyId.prime(policy.id, byPhase([policy.id], webhooks)[0]);
    },
  };
}

/** Each policy's webhooks split by phase, in the order given (the statements order them). */
function byPhase(policyIds: readonly string[], webhooks: WebhookView[]): PolicyWebhooks[] {
  const grouped = new Map<string, PolicyWebhooks>(policyIds.map((id) => [id, { pre: [], post: [] }]));
  for (const webhook of webhooks) {
    const group = grouped.get(webhook.policyId)!;
    (webhook.phase === WebhookPhase.PRE_EXECUTION ? group.pre : group.post).push(webhook);
  }
  return policyIds.map((id) => grouped.get(id)!);
}

export type Loaders = ReturnType<typeof createLoaders>;
