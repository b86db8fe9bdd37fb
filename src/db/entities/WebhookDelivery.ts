import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DeliveryOutcome, WebhookPhase } from '../enums';
import { PolicyWebhook } from './PolicyWebhook';
import { PrivacyRequest } from './PrivacyRequest';

/**
 * One attempt of one webhook call; a halt answer is recorded as HALTED, a chain webhook deleted
 * before its turn as SKIPPED. The phase and key stay when the webhook is deleted (webhook null).
 */
@Entity({ tableName: 'webhook_delivery' })
@Index({ name: 'webhook_delivery_request_idx', properties: ['privacyRequest', 'seq'] })
export class WebhookDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Insertion order, so the delivery log reads in the order the calls were made. */
  @Property({ type: 'bigint', autoincrement: true })
  seq!: string;

  @ManyToOne(() => PrivacyRequest, { deleteRule: 'cascade' })
  privacyRequest!: PrivacyRequest;

  @ManyToOne(() => PolicyWebhook, { nullable: true, deleteRule: 'set null' })
  webhook?: PolicyWebhook | null;

  @Enum({ items: () => WebhookPhase })
  phase!: WebhookPhase;

  @Property({ type: 'text' })
  webhookKey!: string;

  @Property({ type: 'integer' })
  attempt!: number;

  @Enum({ items: () => DeliveryOutcome })
  outcome!: DeliveryOutcome;

  @Property({ type: 'integer', nullable: true })
  responseStatus?: number | null;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: 'integer' })
  durationMs!: number;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
