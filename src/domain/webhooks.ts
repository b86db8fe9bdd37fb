import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { knex, query, valuesList } from '../db/sql';
import { ConnectionType, WebhookDirection, WebhookPhase } from './enums';
import { ConflictError, InvalidInputError, NotFoundError } from './errors';
import { checkBatchSize, checkNoDuplicates, resolveKey, validName } from './keys';
import { lockPolicy } from './policies';
import { inTransaction } from './transaction';
import { moveTo, ordersOf } from './webhook-order';
import { WEBHOOK_COLUMNS, type WebhookOrder, type WebhookView } from './views';

export interface WebhookInput {
  key?: string | null;
  name?: string | null;
  direction: WebhookDirection;
  connectionConfigKey: string;
}

export interface WebhookPatch {
  name?: string | null;
  direction?: WebhookDirection | null;
  connectionConfigKey?: string | null;
  order?: number | null;
}

const PHASE_LABEL: Record<WebhookPhase, string> = { pre: 'pre-execution', post: 'post-execution' };

/** The list becomes exactly the phase's webhooks, in order; existing keys keep their id. */
export async function setWebhooks(
  em: EntityManager,
  policyKey: string,
  phase: WebhookPhase,
  inputs: WebhookInput[],
): Promise<WebhookView[]> {
  checkBatchSize(inputs, 'webhooks');
  const items = inputs.map((input, index) => {
    const given = input.name ?? input.key;
    if (given === undefined || given === null) throw new InvalidInputError(`webhook at position ${index} needs a key or a name`);
    const name = validName(given, 'webhook');
    return { ...input, name, key: resolveKey(input.key, name, 'webhook'), order: index };
  });
  const keys = items.map((i) => i.key);
  checkNoDuplicates(keys, 'webhook key');
  checkNoDuplicates(items.map((i) => i.name), 'webhook name');

  return inTransaction(em, async (tx) => {
    const policyId = await lockPolicy(tx, policyKey);
    const connections = await resolveHttpsConnections(tx, items.map((i) => i.connectionConfigKey));
    const existing = await query<{ id: string; key: string }>(
      tx, 'select id, key from policy_webhook where policy_id = ? and phase = ?', [policyId, phase],
    );
    const idByKey = new Map(existing.map((w) => [w.key, w.id]));
    const k = knex(tx);
    await query(tx, k('policy_webhook').where({ policy_id: policyId, phase }).whereNotIn('key', keys).delete());

    const rows = items.map((i) => [idByKey.get(i.key) ?? randomUUID(), i.order, i.key, i.name, i.direction, connections.get(i.connectionConfigKey)!]);
    const updates = rows.filter((r) => idByKey.has(r[2] as string));
    if (updates.length) await updateWebhookRows(tx, updates.map(([id, order, , name, direction, cid]) => [id, order, name, direction, cid]));
    const inserts = rows.filter((r) => !idByKey.has(r[2] as string));
    if (inserts.length) {
      const values = valuesList(inserts.map((r) => [...r, policyId, phase]), ['uuid', 'int', 'text', 'text', 'text', 'uuid', 'uuid', 'text']);
      await query(
        tx,
        `insert into policy_webhook (id, position, key, name, direction, connection_config_id, policy_id, phase, created_at, updated_at)
         select *, now(), now() from (values ${values.sql}) as v`,
        values.params,
      );
    }
    return findPhaseWebhooks(tx, policyId, phase);
  });
}

/** Name, direction, connection and order change together or not at all. */
export async function patchWebhook(
  em: EntityManager,
  policyKey: string,
  phase: WebhookPhase,
  key: string,
  patch: WebhookPatch,
): Promise<{ webhook: WebhookView; newOrder: WebhookOrder[] }> {
  const name = patch.name === undefined || patch.name === null ? undefined : validName(patch.name, 'webhook');
  return inTransaction(em, async (tx) => {
    const webhooks = await lockPolicyWithPhaseWebhooks(tx, policyKey, phase);
    const index = webhooks.findIndex((w) => w.key === key);
    if (index < 0) throw new NotFoundError(`policy "${policyKey}" has no ${PHASE_LABEL[phase]} webhook "${key}"`);
    const target = { ...webhooks[index] };

    const reordered = patch.order === undefined || patch.order === null ? webhooks : moveTo(webhooks, index, patch.order);
    if (name !== undefined && name !== target.name) {
      const holder = webhooks.find((w) => w.name === name);
      if (holder) throw new ConflictError(`webhook "${holder.key}" of this phase is already named "${name}"`);
      target.name = name;
    }
    if (patch.direction) target.direction = patch.direction;
    if (patch.connectionConfigKey !== undefined && patch.connectionConfigKey !== null) {
      const connections = await resolveHttpsConnections(tx, [patch.connectionConfigKey]);
      target.connectionConfigId = connections.get(patch.connectionConfigKey)!;
    }

    const moved = reordered.map((w, order) => ({ ...(w.key === key ? target : w), order }));
    target.order = moved.findIndex((w) => w.key === key);
    const changed = moved.filter((w, i) => w.key === key || webhooks[i].key !== w.key);
    await updateWebhookRows(tx, changed.map((w) => [w.id, w.order, w.name, w.direction, w.connectionConfigId]));
    const orderChanged = target.order !== index;
    return { webhook: target, newOrder: orderChanged ? ordersOf(moved.map((w) => w.key)) : [] };
  });
}

/** Removes the webhook and closes the gap; newOrder lists the rest when any of them moved. */
export async function deleteWebhook(em: EntityManager, policyKey: string, phase: WebhookPhase, key: string): Promise<WebhookOrder[]> {
  return inTransaction(em, async (tx) => {
    const policyId = await lockPolicy(tx, policyKey);
    const [deleted] = await query<{ position: number }>(
      tx, 'delete from policy_webhook where policy_id = ? and phase = ? and key = ? returning position', [policyId, phase, key],
    );
    if (!deleted) throw new NotFoundError(`policy "${policyKey}" has no ${PHASE_LABEL[phase]} webhook "${key}"`);
    const rest = await query<{ key: string }>(
      tx,
      `update policy_webhook set position = position - 1, updated_at = now() where policy_id = ? and phase = ? and position > ?
       returning key`,
      [policyId, phase, deleted.position],
    );
    if (!rest.length) return [];
    const remaining = await query<{ key: string }>(
      tx, 'select key from policy_webhook where policy_id = ? and phase = ? order by position', [policyId, phase],
    );
    return ordersOf(remaining.map((r) => r.key));
  });
}

/** One UPDATE ... FROM (VALUES ...) for all rows, whatever their number. */
async function updateWebhookRows(tx: EntityManager, rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const values = valuesList(rows, ['uuid', 'int', 'text', 'text', 'uuid']);
  await query(
    tx,
    `update policy_webhook w set position = v.position, name = v.name, direction = v.direction,
       connection_config_id = v.cid, updated_at = now()
     from (values ${values.sql}) as v(id, position, name, direction, cid) where w.id = v.id`,
    values.params,
  );
}

/** Connection ids by key; NOT_FOUND for unknown keys, BAD_USER_INPUT for connections that are not HTTPS. */
async function resolveHttpsConnections(tx: EntityManager, keys: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(keys)];
  if (!unique.length) return new Map();
  const k = knex(tx);
  const rows = await query<{ id: string; key: string; connectionType: ConnectionType }>(
    // FOR SHARE: the type read here must not change before this transaction commits (see upsertConnectionConfigs).
    tx, k.select('id', 'key', { connectionType: 'connection_type' }).from('connection_config').whereIn('key', unique).forShare(),
  );
  const missing = unique.filter((key) => !rows.some((r) => r.key === key));
  if (missing.length) throw new NotFoundError(`connection ${missing.map((m) => `"${m}"`).join(', ')} does not exist`);
  const wrong = rows.filter((r) => r.connectionType !== ConnectionType.HTTPS);
  if (wrong.length) {
    throw new InvalidInputError(`webhooks need an HTTPS connection; ${wrong.map((w) => `"${w.key}" is ${w.connectionType}`).join(', ')}`);
  }
  return new Map(rows.map((r) => [r.key, r.id]));
}

/**
 * lockPolicy and findPhaseWebhooks in one statement: the policy row locked, its webhooks of the
 * phase in order (none when the phase is empty); NOT_FOUND when the policy is absent.
 */
async function lockPolicyWithPhaseWebhooks(tx: EntityManager, policyKey: string, phase: WebhookPhase): Promise<WebhookView[]> {
  const rows = await query<WebhookView & { lockedPolicyId: string }>(
    tx,
    `select p.id as "lockedPolicyId", w.id, w.policy_id as "policyId", w.phase, w.position as "order", w.key, w.name,
       w.direction, w.connection_config_id as "connectionConfigId"
     from policy p left join policy_webhook w on w.policy_id = p.id and w.phase = ?
     where p.key = ? order by w.position for update of p`,
    [phase, policyKey],
  );
  if (!rows.length) throw new NotFoundError(`policy "${policyKey}" does not exist`);
  return rows.filter((row) => row.id !== null).map(({ lockedPolicyId: _, ...webhook }) => webhook);
}

export async function findPhaseWebhooks(em: EntityManager, policyId: string, phase: WebhookPhase): Promise<WebhookView[]> {
  return query<WebhookView>(em, `select ${WEBHOOK_COLUMNS} from policy_webhook where policy_id = ? and phase = ? order by position`, [policyId, phase]);
}

/** Both phases of many policies in one statement, ordered; for the per-request DataLoader. */
export async function findWebhooksByPolicyIds(em: EntityManager, policyIds: readonly string[]): Promise<WebhookView[]> {
  const k = knex(em);
  return query<WebhookView>(
    em,
    k.select(k.raw(WEBHOOK_COLUMNS)).from('policy_webhook').whereIn('policy_id', policyIds as string[]).orderBy(['policy_id', 'phase', 'position']),
  );
}

export async function findWebhook(em: EntityManager, policyKey: string, phase: WebhookPhase, key: string): Promise<WebhookView | null> {
  const [row] = await query<WebhookView>(
    em,
    `select ${WEBHOOK_COLUMNS} from policy_webhook
     where policy_id = (select id from policy where key = ?) and phase = ? and key = ?`,
    [policyKey, phase, key],
  );
  return row ?? null;
}

/** In the order of ids (absent ones left out); for the per-request DataLoader. */
export async function findWebhooksByIds(em: EntityManager, ids: readonly string[]): Promise<WebhookView[]> {
  const k = knex(em);
  const rows = await query<WebhookView>(em, k.select(k.raw(WEBHOOK_COLUMNS)).from('policy_webhook').whereIn('id', ids as string[]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}
