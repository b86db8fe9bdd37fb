import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_ENCRYPTION_KEY } from './server';

/** `node dist/main.js`, the built server (build first: `npm run build`). */
export const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

export function requireBuild(): void {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" before this test`);
}

/** A `node dist/main.js worker` process over the database, as a separate machine would run it. */
export function spawnWorkerProcess(databaseUrl: string, concurrency = 4): ChildProcess {
  return spawn(process.execPath, [MAIN, 'worker'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      APP_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY.toString('utf8'),
      WORKER_CONCURRENCY: String(concurrency),
      LOG_LEVEL: 'warn',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
