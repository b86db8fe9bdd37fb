import { ConfigError, resolveEncryptionKey, type Config } from './config';
import { databaseTimeouts, resolveDatabase } from './db/database';
import { initOrm } from './db/orm';
import { SecretBox } from './domain/crypto';
import { installQueue } from './execution/queue';
import { startWorker } from './execution/worker';
import { workerOptions } from './execution/worker-options';
import type { Logger } from './logger';

/** `node dist/main.js worker`: workers without the API, so several machines can share one database. */
export async function startWorkerProcess(config: Config, logger: Logger): Promise<{ close(): Promise<void> }> {
  if (!config.databaseUrl) {
    // The embedded PostgreSQL belongs to the one `serve` process that started it; workers share a database by URL.
    throw new ConfigError(['DATABASE_URL is required for `worker`: set it to the PostgreSQL that `serve` uses']);
  }
  const box = new SecretBox(resolveEncryptionKey(config, (msg) => logger.warn(msg)));
  const database = await resolveDatabase(config, logger);
  const concurrency = Math.max(1, config.workerConcurrency);
  const orm = await initOrm(database.url, {
    log: (message) => logger.debug({ component: 'mikro-orm' }, message),
    poolMax: concurrency + 2,
    timeouts: databaseTimeouts(config),
  });
  await installQueue(database.url, logger);
  const worker = await startWorker({ ...workerOptions(config, database.url, orm, box, logger), concurrency });
  return {
    async close() {
      await worker.stop();
      await orm.close();
      await database.stop();
    },
  };
}
