import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from './sql';

/**
 * Change events for subscribers, published with PostgreSQL NOTIFY by the transaction that makes
 * the change: delivered to every listening process when (and only if) it commits. Payloads carry
 * ids only, never identities or secrets; listeners read the current state themselves.
 */
export const CHANNELS = {
  privacyRequest: 'dsr_privacy_request',
  policyWebhooks: 'dsr_policy_webhooks',
} as const;

/** {"id": "<request id>", "status": "<new status>"}; status is null when only its deliveries or identity changed. */
export interface RequestChangedEvent {
  id: string;
  status: string | null;
}

export interface PolicyWebhooksChangedEvent {
  policyId: string;
}

/**
 * A RETURNING item that publishes the change of every row the statement returns, so a statement
 * outside an explicit transaction publishes atomically with its own change, at no extra round
 * trip. `status` says whether the statement changed the status (the row's status is published)
 * or only the request's deliveries or identity. Its column ("notified") is empty.
 */
export function notifyRequestChanged(change: 'status' | 'progress', table = 'privacy_request'): string {
  const status = change === 'status' ? `${table}.status` : 'null';
  return `pg_notify('${CHANNELS.privacyRequest}', json_build_object('id', ${table}.id, 'status', ${status})::text) as notified`;
}

/** Publishes, inside the caller's transaction, that the policy's pre- or post-execution webhooks changed. */
export async function notifyPolicyWebhooksChanged(tx: EntityManager, policyId: string): Promise<void> {
  await query(tx, `select pg_notify('${CHANNELS.policyWebhooks}', json_build_object('policyId', ?::uuid)::text)`, [policyId]);
}
