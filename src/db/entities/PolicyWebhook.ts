import { DeferMode, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { WebhookDirection, WebhookPhase } from '../enums';
import { ConnectionConfig } from './ConnectionConfig';
import { Policy } from './Policy';

/**
 * Within (policy, phase) the orders are exactly 0..n-1. The unique constraints are deferred so
 * that a reorder, or a set that swaps names, can move rows inside one transaction.
 */
@Entity({ tableName: 'policy_webhook' })
@Unique({ name: 'policy_webhook_order_unique', properties: ['policy', 'phase', 'order'], deferMode: DeferMode.INITIALLY_DEFERRED })
@Unique({ name: 'policy_webhook_key_unique', properties: ['policy', 'phase', 'key'], deferMode: DeferMode.INITIALLY_DEFERRED })
@Unique({ name: 'policy_webhook_name_unique', properties: ['policy', 'phase', 'name'], deferMode: DeferMode.INITIALLY_DEFERRED })
export class PolicyWebhook {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Policy, { deleteRule: 'cascade' })
  policy!: Policy;

  @Enum({ items: () => WebhookPhase })
  phase!: WebhookPhase;

  @Property({ type: 'integer', fieldName: 'position' })
  order!: number;

  @Property({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => WebhookDirection })
  direction!: WebhookDirection;

  /** When false, a failed call is recorded and the request goes on. */
  @Property({ type: 'boolean', default: true })
  required: boolean = true;

  @ManyToOne(() => ConnectionConfig, { deleteRule: 'restrict' })
  @Index({ name: 'policy_webhook_connection_config_idx' })
  connectionConfig!: ConnectionConfig;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
