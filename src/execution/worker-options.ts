import type { Config } from '../config';
import type { Orm } from '../db/orm';
import type { SecretBox } from '../domain/crypto';
import type { Logger } from '../logger';
import { dispatcherOptionsFromConfig } from './dispatcher-options';
import type { WorkerOptions } from './worker';

/** The worker's settings from the configuration, for `serve` and `worker`; for `worker`, a broken liveness connection ends the process. */
export function workerOptions(config: Config, databaseUrl: string, orm: Orm, box: SecretBox, logger: Logger): WorkerOptions {
  return {
    databaseUrl,
    em: orm.em,
    box,
    logger,
    concurrency: config.workerConcurrency,
    replyTokenTtlSeconds: config.replyTokenTtlSeconds,
    dispatcher: dispatcherOptionsFromConfig(config),
    onLivenessLost(err: unknown) {
      logger.fatal({ err }, 'lost the worker liveness connection to PostgreSQL; exiting so other workers can take over');
      process.exit(1);
    },
  };
}
