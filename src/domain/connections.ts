import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ConnectionConfig } from '../db/entities';
import { arrayParam } from '../db/array-param';
import { knex, preparedQuery, query } from '../db/sql';
import { AccessLevel, ConnectionType } from './enums';
import { ConflictError, InvalidInputError, NotFoundError } from './errors';
import { checkBatchSize, checkNoDuplicates, refuseNamesHeldByOthers, resolveKey, validName } from './keys';
import { pageByKey, type PageArgs } from './pagination';
import { inTransaction } from './transaction';
import { CONNECTION_COLUMNS, type ConnectionConfigView, type Page } from './views';

export interface ConnectionConfigInput {
  key?: string | null;
  name: string;
  connectionType: ConnectionType;
  access: AccessLevel;
  disabled?: boolean | null;
  description?: string | null;
}

const MAX_DESCRIPTION = 2000;

/** Create or update by key, all-or-nothing; returns the connections in input order. */
export async function upsertConnectionConfigs(em: EntityManager, inputs: ConnectionConfigInput[]): Promise<ConnectionConfigView[]> {
  checkBatchSize(inputs, 'connections');
  const items = inputs.map(normaliseConnectionInput);
  checkNoDuplicates(
    items.map((i) => i.key),
    'connection key',
  );
  checkNoDuplicates(
    items.map((i) => i.name),
    'connection name',
  );

  const keys = items.map((i) => i.key);
  const names = items.map((i) => i.name);
  const saved = await inTransaction(em, async (tx) => {
    // Locked so that a concurrent setWebhooks (which share-locks the connections it uses) cannot slip a
    // webhook onto a connection whose type this call changes.
    const existing = await tx.find(
      ConnectionConfig,
      { $or: [{ key: { $in: keys } }, { name: { $in: names } }] },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const byKey = new Map(existing.map((c) => [c.key, c]));
    refuseNamesHeldByOthers(existing, items, 'connection');
    const entities = items.map((item) => {
      const entity = byKey.get(item.key) ?? tx.create(ConnectionConfig, { key: item.key } as ConnectionConfig);
      if (entity.connectionType && entity.hasSecrets && entity.connectionType !== item.connectionType) {
        throw new InvalidInputError(
          `connection "${item.key}" has ${entity.connectionType} secrets; delete it to change its type to ${item.connectionType}`,
        );
      }
      return entity;
    });
    const leavingHttps = entities.filter(
      (e, i) => e.connectionType === ConnectionType.HTTPS && items[i].connectionType !== ConnectionType.HTTPS,
    );
    await refuseLeavingHttpsWhileUsed(tx, leavingHttps);
    entities.forEach((entity, i) => tx.assign(entity, items[i]));
    await tx.flush();
    return entities.map((e) => e.id);
  });
  return findConnectionsByIds(em, saved);
}

function normaliseConnectionInput(input: ConnectionConfigInput) {
  const name = validName(input.name, 'connection');
  const description = input.description ?? null;
  if (description && description.length > MAX_DESCRIPTION) {
    throw new InvalidInputError(`connection "${name}": description is longer than ${MAX_DESCRIPTION} characters`);
  }
  return {
    key: resolveKey(input.key, name, 'connection'),
    name,
    connectionType: input.connectionType,
    access: input.access,
    disabled: input.disabled ?? false,
    description,
  };
}

/** Refuses while webhooks use the connection, naming them. */
export async function deleteConnectionConfig(em: EntityManager, key: string): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const [row] = await query<{ id: string }>(tx, 'select id from connection_config where key = ? for update', [key]);
    if (!row) throw new NotFoundError(`connection "${key}" does not exist`);
    const users = await webhooksUsing(tx, row.id);
    if (users) throw new ConflictError(`connection "${key}" is used by webhooks ${users}; remove them first`);
    await query(tx, 'delete from connection_config where id = ?', [row.id]);
    return true;
  });
}

/** Webhooks call HTTPS connections, so one they use must stay HTTPS. */
async function refuseLeavingHttpsWhileUsed(tx: EntityManager, leaving: ConnectionConfig[]): Promise<void> {
  for (const connection of leaving) {
    const users = await webhooksUsing(tx, connection.id);
    if (users) {
      throw new ConflictError(
        `connection "${connection.key}" is used by webhooks ${users}, which need HTTPS; remove them before changing its type`,
      );
    }
  }
}

/** "policy/phase/key, ..." of the webhooks using the connection (at most 20 named), or null when none do. */
async function webhooksUsing(tx: EntityManager, connectionId: string): Promise<string | null> {
  const users = await query<{ policyKey: string; phase: string; key: string }>(
    tx,
    `select p.key as "policyKey", w.phase, w.key from policy_webhook w join policy p on p.id = w.policy_id
     where w.connection_config_id = ? order by p.key, w.phase, w.position limit 21`,
    [connectionId],
  );
  if (!users.length) return null;
  const listed = users
    .slice(0, 20)
    .map((u) => `${u.policyKey}/${u.phase}/${u.key}`)
    .join(', ');
  return users.length > 20 ? `${listed} and more` : listed;
}

export function listConnectionConfigs(em: EntityManager, args: PageArgs): Promise<Page<ConnectionConfigView>> {
  return pageByKey<ConnectionConfigView>(em, 'connection_config', CONNECTION_COLUMNS, args);
}

export async function findConnectionByKey(em: EntityManager, key: string): Promise<ConnectionConfigView | null> {
  const [row] = await query<ConnectionConfigView>(em, `select ${CONNECTION_COLUMNS} from connection_config where key = ?`, [key]);
  return row ?? null;
}

/** In the order of ids; for DataLoaders and for returning what a mutation saved. */
export async function findConnectionsByIds(em: EntityManager, ids: readonly string[]): Promise<ConnectionConfigView[]> {
  const k = knex(em);
  const rows = await query<ConnectionConfigView>(
    em,
    k
      .select(k.raw(CONNECTION_COLUMNS))
      .from('connection_config')
      .whereIn('id', ids as string[]),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/**
 * The connections the webhooks of these policies use, in one statement; for the webhooks loader.
 * `id = any(array(...))`, not `id in (select ...)`: PostgreSQL plans the semi-join as a hash join
 * over a sequential scan of connection_config once it holds some ten thousand connections.
 */
export async function findConnectionsUsedByPolicies(em: EntityManager, policyIds: readonly string[]): Promise<ConnectionConfigView[]> {
  return preparedQuery<ConnectionConfigView>(
    em,
    'connections_used_by_policies',
    `select ${CONNECTION_COLUMNS} from connection_config
     where id = any(array(select connection_config_id from policy_webhook where policy_id = any(?::uuid[])))`,
    [arrayParam(policyIds)],
  );
}
