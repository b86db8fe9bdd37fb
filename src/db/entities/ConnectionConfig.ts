import { DeferMode, Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { AccessLevel, ConnectionType } from '../enums';

@Entity({ tableName: 'connection_config' })
export class ConnectionConfig {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  @Unique({ name: 'connection_config_key_unique' })
  key!: string;

  @Property({ type: 'text' })
  @Unique({ name: 'connection_config_name_unique', deferMode: DeferMode.INITIALLY_DEFERRED })
  name!: string;

  @Enum({ items: () => ConnectionType })
  connectionType!: ConnectionType;

  @Enum({ items: () => AccessLevel })
  access!: AccessLevel;

  @Property({ type: 'boolean', default: false })
  disabled: boolean = false;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** SecretBox-sealed JSON of the connection's secrets; never leaves the server. */
  @Property({ type: 'text', nullable: true, lazy: true })
  secrets?: string | null;

  @Property({ type: 'boolean', default: false })
  hasSecrets: boolean = false;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
