import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A graphile-worker worker id and the advisory lock its process holds while alive. When the
 * lock is gone the process is dead, and any process may release the jobs that worker had locked.
 */
@Entity({ tableName: 'worker_registration' })
export class WorkerRegistration {
  @PrimaryKey({ type: 'text' })
  workerId!: string;

  @Property({ type: 'bigint' })
  lockKey!: string;

  @Property({ type: 'timestamptz' })
  registeredAt: Date = new Date();
}
