import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ExecutionStep, PrivacyRequestStatus } from '../enums';
import { Policy } from './Policy';
import { PolicyWebhook } from './PolicyWebhook';

/**
 * A privacy request and where its run stands. The checkpoint (nextStep, nextOrder) names the
 * next step and, in a webhook step, the order of the next webhook in the request's own chain
 * (ChainStep); runId changes each time
 * the request is queued again, so a stale job for an earlier run does nothing.
 */
@Entity({ tableName: 'privacy_request' })
@Index({ name: 'privacy_request_created_idx', properties: ['createdAt', 'id'] })
@Index({ name: 'privacy_request_status_created_idx', properties: ['status', 'createdAt', 'id'] })
export class PrivacyRequest {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', nullable: true })
  externalId?: string | null;

  @ManyToOne(() => Policy, { deleteRule: 'restrict' })
  policy!: Policy;

  @Enum({ items: () => PrivacyRequestStatus })
  status: PrivacyRequestStatus = PrivacyRequestStatus.PENDING;

  /** SecretBox-sealed JSON {email?, phone_number?}, derived identities merged in. */
  @Property({ type: 'text' })
  identity!: string;

  @Property({ type: 'uuid' })
  runId: string = randomUUID();

  @Enum({ items: () => ExecutionStep })
  nextStep: ExecutionStep = ExecutionStep.PRE_WEBHOOKS;

  @Property({ type: 'integer', fieldName: 'next_position' })
  nextOrder: number = 0;

  @Enum({ items: () => ExecutionStep, nullable: true })
  failedStep?: ExecutionStep | null;

  @ManyToOne(() => PolicyWebhook, { nullable: true, deleteRule: 'set null' })
  failedWebhook?: PolicyWebhook | null;

  @Property({ type: 'text', nullable: true })
  failureReason?: string | null;

  @Property({ type: 'text', nullable: true })
  cancelReason?: string | null;

  /** The reply-to token that can resume the request while it is PAUSED. */
  @Property({ type: 'uuid', nullable: true })
  pauseTokenId?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  startedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  pausedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
