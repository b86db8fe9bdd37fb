import { DeferMode, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

@Entity({ tableName: 'policy' })
export class Policy {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  @Unique({ name: 'policy_key_unique' })
  key!: string;

  @Property({ type: 'text' })
  @Unique({ name: 'policy_name_unique', deferMode: DeferMode.INITIALLY_DEFERRED })
  name!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
