import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { ConnectionConfig, Policy, PolicyWebhook } from '../db/entities';
import { notifyPolicyWebhooksChanged } from '../db/notify';
import { arrayParam } from '../db/array-param';
import { knex, preparedQuery, query } from '../db/sql';
import { ConnectionType, WebhookDirection, WebhookPhase } from './enums';
import { ConflictError, InvalidInputError, NotFoundError } from './errors';
import { checkBatchSize, checkNoDuplicates, resolveKey, validName } from './keys';
import { inTransaction } from './transaction';
import { moveTo, ordersOf } from './webhook-order';
import { WEBHOOK_COLUMNS, type WebhookOrder, type WebhookView } from './views';

export interface WebhookInput {
  key?: string | null;
  name?: string | null;
  direction: WebhookDirection;
  connectionConfigKey: string;
  /** Default true. */
  required?: boolean | null;
}

export interface WebhookPatch {
  name?: string | null;
  direction?: WebhookDirection | null;
  connectionConfigKey?: string | null;
  order?: number | null;
  required?: boolean | null;
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
  checkNoDuplicates(
    items.map((i) => i.name),
    'webhook name',
  );

  return inTransaction(em, async (tx) => {
    const { policy, webhooks } = await lockPolicyWithPhaseWebhooks(tx, policyKey, phase);
    await notifyPolicyWebhooksChanged(tx, policy.id);
    const connections = await resolveHttpsConnections(
      tx,
      items.map((i) => i.connectionConfigKey),
    );
    const byKey = new Map(webhooks.map((w) => [w.key, w]));
    for (const w of webhooks) if (!keys.includes(w.key)) tx.remove(w);
    const result = items.map(({ key, name, direction, order, connectionConfigKey, required }) => {
      const connectionConfig = tx.getReference(ConnectionConfig, connections.get(connectionConfigKey)!);
      const fields = { name, direction, order, connectionConfig, required: required ?? true };
      const existing = byKey.get(key);
      return existing ? tx.assign(existing, fields) : tx.create(PolicyWebhook, { ...fields, policy, phase, key });
    });
    await tx.flush();
    return result.map(viewOf);
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
    const { policy, webhooks } = await lockPolicyWithPhaseWebhooks(tx, policyKey, phase);
    const index = webhooks.findIndex((w) => w.key === key);
    if (index < 0) throw new NotFoundError(`policy "${policyKey}" has no ${PHASE_LABEL[phase]} webhook "${key}"`);
    await notifyPolicyWebhooksChanged(tx, policy.id);
    const target = webhooks[index];

    const reordered = patch.order === undefined || patch.order === null ? webhooks : moveTo(webhooks, index, patch.order);
    if (name !== undefined && name !== target.name) {
      const holder = webhooks.find((w) => w.name === name);
      if (holder) throw new ConflictError(`webhook "${holder.key}" of this phase is already named "${name}"`);
      target.name = name;
    }
    if (patch.direction) target.direction = patch.direction;
    if (patch.required !== undefined && patch.required !== null) target.required = patch.required;
    if (patch.connectionConfigKey !== undefined && patch.connectionConfigKey !== null) {
      const connections = await resolveHttpsConnections(tx, [patch.connectionConfigKey]);
      target.connectionConfig = tx.getReference(ConnectionConfig, connections.get(patch.connectionConfigKey)!);
    }
    reordered.forEach((w, order) => (w.order = order));
    await tx.flush();
    return { webhook: viewOf(target), newOrder: target.order !== index ? ordersOf(reordered.map((w) => w.key)) : [] };
  });
}

/** Removes the webhook and closes the gap; newOrder lists the rest when any of them moved. */
export async function deleteWebhook(em: EntityManager, policyKey: string, phase: WebhookPhase, key: string): Promise<WebhookOrder[]> {
  return inTransaction(em, async (tx) => {
    const { policy, webhooks } = await lockPolicyWithPhaseWebhooks(tx, policyKey, phase);
    const index = webhooks.findIndex((w) => w.key === key);
    if (index < 0) throw new NotFoundError(`policy "${policyKey}" has no ${PHASE_LABEL[phase]} webhook "${key}"`);
    await notifyPolicyWebhooksChanged(tx, policy.id);
    tx.remove(webhooks[index]);
    const rest = webhooks.filter((_, i) => i !== index);
    rest.forEach((w, order) => (w.order = order));
    await tx.flush();
    return index < rest.length ? ordersOf(rest.map((w) => w.key)) : [];
  });
}

/**
 * The policy locked (FOR UPDATE), then its webhooks of the phase in order, read by a second
 * statement: under READ COMMITTED only a statement that starts after the lock was granted sees
 * what the previous holder committed. NOT_FOUND when the policy is absent.
 */
async function lockPolicyWithPhaseWebhooks(
  tx: EntityManager,
  policyKey: string,
  phase: WebhookPhase,
): Promise<{ policy: Policy; webhooks: PolicyWebhook[] }> {
  const policy = await tx.findOne(Policy, { key: policyKey }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!policy) throw new NotFoundError(`policy "${policyKey}" does not exist`);
  const webhooks = await tx.find(PolicyWebhook, { policy, phase }, { orderBy: { order: 'asc' } });
  return { policy, webhooks };
}

function viewOf(w: PolicyWebhook): WebhookView {
  return {
    id: w.id,
    policyId: w.policy.id,
    phase: w.phase,
    order: w.order,
    key: w.key,
    name: w.name,
    direction: w.direction,
    required: w.required,
    connectionConfigId: w.connectionConfig.id,
  };
}

/** Connection ids by key; NOT_FOUND for unknown keys, BAD_USER_INPUT for connections that are not HTTPS. */
async function resolveHttpsConnections(tx: EntityManager, keys: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(keys)];
  if (!unique.length) return new Map();
  const k = knex(tx);
  const rows = await query<{ id: string; key: string; connectionType: ConnectionType }>(
    // FOR SHARE: the type read here must not change before this transaction commits (see upsertConnectionConfigs).
    tx,
    k.select('id', 'key', { connectionType: 'connection_type' }).from('connection_config').whereIn('key', unique).forShare(),
  );
  const missing = unique.filter((key) => !rows.some((r) => r.key === key));
  if (missing.length) throw new NotFoundError(`connection ${missing.map((m) => `"${m}"`).join(', ')} does not exist`);
  const wrong = rows.filter((r) => r.connectionType !== ConnectionType.HTTPS);
  if (wrong.length) {
    throw new InvalidInputError(`webhooks need an HTTPS connection; ${wrong.map((w) => `"${w.key}" is ${w.connectionType}`).join(', ')}`);
  }
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** Both phases of many policies in one statement, ordered; for the per-request DataLoader. */
export async function findWebhooksByPolicyIds(em: EntityManager, policyIds: readonly string[]): Promise<WebhookView[]> {
  return preparedQuery<WebhookView>(
    em,
    'webhooks_by_policy_ids',
    `select ${WEBHOOK_COLUMNS} from policy_webhook where policy_id = any(?::uuid[]) order by policy_id, phase, position`,
    [arrayParam(policyIds)],
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
  const rows = await query<WebhookView>(
    em,
    k
      .select(k.raw(WEBHOOK_COLUMNS))
      .from('policy_webhook')
      .whereIn('id', ids as string[]),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}
