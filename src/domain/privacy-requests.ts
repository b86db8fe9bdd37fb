import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { arrayParam } from '../db/array-param';
import { knex, query } from '../db/sql';
import { enqueueRuns } from '../execution/queue';
import type { SecretBox } from './crypto';
import { PrivacyRequestStatus } from './enums';
import { InvalidInputError, NotFoundError } from './errors';
import { identityFromInput, type IdentityInput } from './identity';
import { checkBatchSize, truncate } from './keys';
import { decodeCursor, pageSize, type PageArgs } from './pagination';
import { DELIVERY_COLUMNS, isUuid, REQUEST_COLUMNS, type PrivacyRequestView, type WebhookDeliveryView } from './privacy-request-views';
import { inTransaction } from './transaction';
import type { Page } from './views';

export interface PrivacyRequestInput {
  policyKey: string;
  identity: IdentityInput;
  externalId?: string | null;
}

const MAX_EXTERNAL_ID = 200;

/**
 * Stores the requests as PENDING with their identities sealed, and queues one run job each in
 * the same transaction: a request is never saved without its job, nor a job without its request.
 */
export async function createPrivacyRequests(em: EntityManager, box: SecretBox, inputs: PrivacyRequestInput[]): Promise<PrivacyRequestView[]> {
  checkBatchSize(inputs, 'privacy requests');
  const items = inputs.map((input, index) => {
    const where = `request ${index}`;
    const externalId = input.externalId ?? null;
    if (externalId !== null && (externalId.length > MAX_EXTERNAL_ID || !externalId.trim())) {
      throw new InvalidInputError(`${where}: externalId must be 1-${MAX_EXTERNAL_ID} characters`);
    }
    const identity = identityFromInput(input.identity, `${where} identity`);
    return { id: randomUUID(), runId: randomUUID(), policyKey: input.policyKey, externalId, sealed: box.encryptJson(identity) };
  });
  if (!items.length) return [];

  return inTransaction(em, async (tx) => {
    const keys = [...new Set(items.map((i) => i.policyKey))];
    const k = knex(tx);
    const policies = await query<{ id: string; key: string }>(tx, k.select('id', 'key').from('policy').whereIn('key', keys));
    const policyIds = new Map(policies.map((p) => [p.key, p.id]));
    const missing = keys.filter((key) => !policyIds.has(key));
    if (missing.length) throw new NotFoundError(`policy ${missing.map((m) => `"${truncate(m)}"`).join(', ')} does not exist`);

    const rows = await query<PrivacyRequestView>(
      tx,
      `insert into privacy_request (id, external_id, policy_id, status, identity, run_id, next_step, next_position, created_at, updated_at)
       select r.id, r.external_id, r.policy_id, 'PENDING', r.identity, r.run_id, 'PRE_WEBHOOKS', 0, now(), now()
       from json_to_recordset(?::json) as r(id uuid, external_id text, policy_id uuid, identity text, run_id uuid)
       returning ${REQUEST_COLUMNS}`,
      [JSON.stringify(items.map((i) => ({
        id: i.id, external_id: i.externalId, policy_id: policyIds.get(i.policyKey), identity: i.sealed, run_id: i.runId,
      })))],
    );
    await enqueueRuns(tx, items.map((i) => ({ requestId: i.id, runId: i.runId })));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return items.map((i) => byId.get(i.id)!);
  });
}

/** Null for an absent id, and for a string that cannot be an id at all. */
export async function findPrivacyRequest(em: EntityManager, id: string): Promise<PrivacyRequestView | null> {
  if (!isUuid(id)) return null;
  const [row] = await query<PrivacyRequestView>(em, `select ${REQUEST_COLUMNS} from privacy_request where id = ?`, [id]);
  return row ?? null;
}

/** Newest first, keyset-paged by (created_at, id); the cursor carries both exactly. */
export async function listPrivacyRequests(
  em: EntityManager,
  args: PageArgs & { status?: PrivacyRequestStatus | null },
): Promise<Page<PrivacyRequestView>> {
  const size = pageSize(args.first);
  const after = args.after ? parseRequestCursor(args.after) : null;
  const status = args.status ?? null;
  const rows = await query<PrivacyRequestView>(
    em,
    `select ${REQUEST_COLUMNS} from privacy_request
     where (?::text is null or status = ?)
       and (?::bigint is null or (created_at, id) < (timestamptz 'epoch' + ?::bigint * interval '1 microsecond', ?::uuid))
     order by created_at desc, id desc limit ?`,
    [status, status, after?.micros ?? null, after?.micros ?? null, after?.id ?? null, size + 1],
  );
  const [count] = await query<{ n: string }>(em, 'select count(*) as n from privacy_request where (?::text is null or status = ?)', [status, status]);
  return { items: rows.slice(0, size), hasNextPage: rows.length > size, totalCount: Number(count.n) };
}

export function requestCursor(request: PrivacyRequestView): string {
  return `${request.createdMicros}.${request.id}`;
}

function parseRequestCursor(cursor: string): { micros: string; id: string } {
  const [micros, id] = decodeCursor(cursor).split('.');
  if (!/^\d{1,20}$/.test(micros ?? '') || !isUuid(id ?? '')) throw new InvalidInputError(`"after" is not a cursor this API returned`);
  return { micros, id };
}

export async function findPrivacyRequestsByIds(em: EntityManager, ids: readonly string[]): Promise<PrivacyRequestView[]> {
  const rows = await query<PrivacyRequestView>(em, `select ${REQUEST_COLUMNS} from privacy_request where id = any(?::uuid[])`, [arrayParam(ids)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/** The delivery logs of many requests in one statement, each in the order the attempts were made. */
export async function findDeliveriesByRequestIds(em: EntityManager, ids: readonly string[]): Promise<WebhookDeliveryView[]> {
  return query<WebhookDeliveryView>(
    em,
    `select ${DELIVERY_COLUMNS} from webhook_delivery where privacy_request_id = any(?::uuid[]) order by privacy_request_id, seq`,
    [arrayParam(ids)],
  );
}
