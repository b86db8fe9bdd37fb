import type { EntityManager } from '@mikro-orm/postgresql';
import { Policy } from '../db/entities';
import { notifyPolicyWebhooksChanged } from '../db/notify';
import { knex, preparedQuery, query, withDates } from '../db/sql';
import { NotFoundError } from './errors';
import { checkBatchSize, checkNoDuplicates, refuseNamesHeldByOthers, resolveKey, validName } from './keys';
import { pageByKey, type PageArgs } from './pagination';
import { inTransaction } from './transaction';
import {
  CONNECTION_COLUMNS,
  POLICY_COLUMNS,
  WEBHOOK_COLUMNS,
  type ConnectionConfigView,
  type Page,
  type PolicyView,
  type WebhookView,
} from './views';

export interface PolicyInput {
  key?: string | null;
  name: string;
}

/** Create or update by key, all-or-nothing; returns the policies in input order. */
export async function upsertPolicies(em: EntityManager, inputs: PolicyInput[]): Promise<PolicyView[]> {
  checkBatchSize(inputs, 'policies');
  const items = inputs.map((input) => {
    const name = validName(input.name, 'policy');
    return { key: resolveKey(input.key, name, 'policy'), name };
  });
  const keys = items.map((i) => i.key);
  checkNoDuplicates(keys, 'policy key');
  checkNoDuplicates(
    items.map((i) => i.name),
    'policy name',
  );

  const ids = await inTransaction(em, async (tx) => {
    const existing = await tx.find(Policy, { $or: [{ key: { $in: keys } }, { name: { $in: items.map((i) => i.name) } }] });
    const byKey = new Map(existing.map((p) => [p.key, p]));
    refuseNamesHeldByOthers(existing, items, 'policy');
    const policies = items.map((item) => tx.assign(byKey.get(item.key) ?? tx.create(Policy, { key: item.key } as Policy), item));
    await tx.flush();
    return policies.map((p) => p.id);
  });
  return findPoliciesByIds(em, ids);
}

/** Deletes the policy and, by cascade, its webhooks. */
export async function deletePolicy(em: EntityManager, key: string): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const [deleted] = await query<{ id: string }>(tx, 'delete from policy where key = ? returning id', [key]);
    if (!deleted) throw new NotFoundError(`policy "${key}" does not exist`);
    // Its subscribers find it gone and complete.
    await notifyPolicyWebhooksChanged(tx, deleted.id);
    return true;
  });
}

export function listPolicies(em: EntityManager, args: PageArgs): Promise<Page<PolicyView>> {
  return pageByKey<PolicyView>(em, 'policy', POLICY_COLUMNS, args);
}

export async function findPolicyByKey(em: EntityManager, key: string): Promise<PolicyView | null> {
  const [row] = await preparedQuery<PolicyView>(em, 'policy_by_key', `select ${POLICY_COLUMNS} from policy where key = ?`, [key]);
  return row ?? null;
}

export interface PolicyWithWebhooks {
  policy: PolicyView;
  /** Both phases, each in order. */
  webhooks: WebhookView[];
  /** The connections those webhooks use. */
  connections: ConnectionConfigView[];
}

// One round trip for the common lookup: the policy, its webhooks and their connections as JSON.
const POLICY_WITH_WEBHOOKS = `
  with p as (select ${POLICY_COLUMNS} from policy where key = ?),
       w as (select ${WEBHOOK_COLUMNS} from policy_webhook where policy_id = (select id from p))
  select (select row_to_json(p) from p) as policy,
         coalesce((select json_agg(w order by w.phase, w."order") from w), '[]') as webhooks,
         coalesce((select json_agg(c) from (select ${CONNECTION_COLUMNS} from connection_config
                                            where id = any(array(select "connectionConfigId" from w))) c), '[]') as connections`;

/** The policy with this key, its webhooks and their connections, in one statement; null when there is none. */
export async function findPolicyWithWebhooksByKey(em: EntityManager, key: string): Promise<PolicyWithWebhooks | null> {
  const [row] = await preparedQuery<{ policy: PolicyView | null; webhooks: WebhookView[]; connections: ConnectionConfigView[] }>(
    em,
    'policy_with_webhooks_by_key',
    POLICY_WITH_WEBHOOKS,
    [key],
  );
  if (!row?.policy) return null;
  return { policy: withDates([row.policy])[0], webhooks: row.webhooks, connections: withDates(row.connections) };
}

export async function findPoliciesByIds(em: EntityManager, ids: readonly string[]): Promise<PolicyView[]> {
  const k = knex(em);
  const rows = await query<PolicyView>(
    em,
    k
      .select(k.raw(POLICY_COLUMNS))
      .from('policy')
      .whereIn('id', ids as string[]),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}
