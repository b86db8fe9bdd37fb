import { Entity, Enum, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { WebhookPhase } from '../enums';
import { PolicyWebhook } from './PolicyWebhook';
import { PrivacyRequest } from './PrivacyRequest';

/**
 * One webhook of the chain a request runs, fixed when the request is first claimed: its phase,
 * its position in that phase, and the webhook (null once deleted; the key stays for the record).
 * Later edits of the policy's webhooks leave the chain as it is.
 */
@Entity({ tableName: 'chain_step' })
export class ChainStep {
  [PrimaryKeyProp]?: ['privacyRequest', 'phase', 'position'];

  @ManyToOne(() => PrivacyRequest, { primary: true, deleteRule: 'cascade' })
  privacyRequest!: PrivacyRequest;

  @Enum({ items: () => WebhookPhase, primary: true })
  phase!: WebhookPhase;

  @Property({ type: 'integer', primary: true })
  position!: number;

  @ManyToOne(() => PolicyWebhook, { nullable: true, deleteRule: 'set null', index: 'chain_step_webhook_idx' })
  webhook?: PolicyWebhook | null;

  @Property({ type: 'text' })
  webhookKey!: string;
}
