import { Logger as GraphileLogger } from 'graphile-worker';
import type { Logger } from '../logger';

const LEVELS: Record<string, 'error' | 'warn' | 'info' | 'debug'> = { error: 'error', warning: 'warn', info: 'info', debug: 'debug' };

/** graphile-worker's log lines through our pino logger; its routine info lines go to debug. */
export function graphileLogger(logger: Logger): GraphileLogger {
  const child = logger.child({ component: 'graphile-worker' });
  return new GraphileLogger(() => (level, message, meta) => {
    const pinoLevel = LEVELS[level] ?? 'debug';
    child[pinoLevel === 'info' ? 'debug' : pinoLevel](meta ?? {}, message);
  });
}
