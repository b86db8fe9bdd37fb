import type { EntityManager } from '@mikro-orm/postgresql';
import { arrayParam } from '../../db/array-param';
import { query } from '../../db/sql';
import { DELIVERY_COLUMNS, isUuid, REQUEST_COLUMNS, type ChainStepView, type PrivacyRequestView, type WebhookDeliveryView } from './views';

/** Null for an absent id, and for a string that cannot be an id at all. */
export async function find(em: EntityManager, id: string): Promise<PrivacyRequestView | null> {
  if (!isUuid(id)) return null;
  const [row] = await query<PrivacyRequestView>(em, `select ${REQUEST_COLUMNS} from privacy_request where id = ?`, [id]);
  return row ?? null;
}

/** The delivery logs of many requests in one statement, each in the order the attempts were made. */
export async function findDeliveries(em: EntityManager, ids: readonly string[]): Promise<WebhookDeliveryView[]> {
  return query<WebhookDeliveryView>(
    em,
    `select ${DELIVERY_COLUMNS} from webhook_delivery where privacy_request_id = any(?::uuid[]) order by privacy_request_id, seq`,
    [arrayParam(ids)],
  );
}

/** The chains of many requests in one statement: pre-execution first, each phase in order. */
export async function findChains(em: EntityManager, ids: readonly string[]): Promise<ChainStepView[]> {
  return query<ChainStepView>(
    em,
    `select privacy_request_id as "privacyRequestId", phase, position, webhook_id as "webhookId", webhook_key as "webhookKey"
     from chain_step where privacy_request_id = any(?::uuid[]) order by privacy_request_id, phase desc, position`,
    [arrayParam(ids)],
  );
}

/** Many requests in one statement, in the order of the ids; absent ones are left out. */
export async function findMany(em: EntityManager, ids: readonly string[]): Promise<PrivacyRequestView[]> {
  const rows = await query<PrivacyRequestView>(em, `select ${REQUEST_COLUMNS} from privacy_request where id = any(?::uuid[])`, [
    arrayParam(ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/** Requests changed since the time (database clock), for subscribers catching up after missed notices. */
export async function idsChangedSince(em: EntityManager, since: Date): Promise<string[]> {
  const rows = await query<{ id: string }>(em, 'select id from privacy_request where updated_at >= ?', [since.toISOString()]);
  return rows.map((r) => r.id);
}
