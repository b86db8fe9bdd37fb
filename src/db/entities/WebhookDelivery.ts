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
@Index({ name: 'webhook_delivery_connection_health_idx', properties: ['connectionConfigId', 'outcome', 'createdAt'] })
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

  /** The webhook's connection at the time of the call; kept when the webhook is deleted, for health. */
  @Property({ type: 'uuid', nullable: true })
  connectionConfigId?: string | null;

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

  /** The response body's first bytes (at most 2 KB), text only, with the connection's secrets redacted. */
  @Property({ type: 'text', nullable: true })
  responseExcerpt?: string | null;

  @Property({ type: 'text', nullable: true })
  responseContentType?: string | null;

  @Property({ type: 'integer' })
  durationMs!: number;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
