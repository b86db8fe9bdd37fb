import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { PolicyWebhook } from './PolicyWebhook';
import { PrivacyRequest } from './PrivacyRequest';

/** A reply-to token: "<id>.<secret>"; only the SHA-256 of the secret is stored. Single use. */
@Entity({ tableName: 'reply_token' })
export class ReplyToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => PrivacyRequest, { deleteRule: 'cascade', index: 'reply_token_request_idx' })
  privacyRequest!: PrivacyRequest;

  @ManyToOne(() => PolicyWebhook, { nullable: true, deleteRule: 'set null' })
  webhook?: PolicyWebhook | null;

  @Property({ type: 'text' })
  secretHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
