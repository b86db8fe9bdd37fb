import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** An OAuth client created by createApiClient; only a scrypt hash of its secret is kept. */
@Entity({ tableName: 'api_client' })
export class ApiClient {
  @PrimaryKey({ type: 'text' })
  clientId!: string;

  @Property({ type: 'text', lazy: true })
  secretHash!: string;

  @Property({ type: 'text[]' })
  scopes!: string[];

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** Set by revokeApiClient: from then on the secret is refused and tokens issued to the client stop working. */
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null = null;
}
