import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { PolicyWebhook } from './PolicyWebhook';
import { PrivacyRequest } from './PrivacyRequest';

/**
 * The reply-to token that paused a request (written when the webhook halts): its SHA-256, its
 * expiry, and when it was used. Tokens are signed (domain/reply-tokens.ts); this row makes them single use.
 */
@Entity({ tableName: 'reply_token' })
export class ReplyToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => PrivacyRequest, { deleteRule: 'cascade', index: 'reply_token_request_idx' })
  privacyRequest!: PrivacyRequest;

  @ManyToOne(() => PolicyWebhook, { nullable: true, deleteRule: 'set null' })
  webhook?: PolicyWebhook | null;

  @Property({ type: 'text' })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
