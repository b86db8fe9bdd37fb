import { Entity, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * How many privacy requests are in each status, spread over a few slots per status so that
 * concurrent transitions rarely wait on one row: a status's count is the sum of its slots. Kept
 * by triggers on privacy_request (migration Migration20261202011500_status_counts), never
 * written by the application; a slot may go negative, only the sum means anything.
 */
@Entity({ tableName: 'privacy_request_status_count' })
export class PrivacyRequestStatusCount {
  [PrimaryKeyProp]?: ['status', 'slot'];

  @Property({ type: 'text', primary: true })
  status!: string;

  @Property({ type: 'smallint', primary: true })
  slot!: number;

  @Property({ type: 'bigint' })
  n!: string;
}
