import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { resolveDatabase } from './db/database';
import { initOrm } from './db/orm';
import { createLogger } from './logger';
import { startServer } from './server';
import { startWorkerProcess } from './worker-process';

const USAGE = 'usage: node dist/main.js [serve | worker | migrate]';

async function main(command: string): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, undefined, config.logFormat);
  switch (command) {
    case 'serve': {
      const server = await startServer(config, logger);
      stopOnSignals(() => server.close(), logger);
      return;
    }
    case 'worker': {
      const worker = await startWorkerProcess(config, logger);
      stopOnSignals(() => worker.close(), logger);
      return;
    }
    case 'migrate': {
      const database = await resolveDatabase(config, logger);
      const orm = await initOrm(database.url);
      logger.info('migrations applied');
      await orm.close();
      await database.stop();
      return;
    }
    default:
      throw new ConfigError([`unknown command "${command}"; ${USAGE}`]);
  }
}

function stopOnSignals(stop: () => Promise<void>, logger: ReturnType<typeof createLogger>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main(process.argv[2] ?? 'serve').catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('dsr-hooks failed to start:', err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
