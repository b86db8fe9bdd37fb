import pino from 'pino';
import type { LogFormat, LogLevel } from './config';

export type Logger = pino.Logger;

/** Paths that may carry secret values; pino replaces them before a line is written. */
const REDACT = [
  'secrets',
  '*.secrets',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'token',
  '*.token',
  'clientSecret',
  '*.clientSecret',
  'signingSecret',
  '*.signingSecret',
  'variables',
];

/**
 * JSON lines (production, log shippers), or for a person at a terminal the same lines
 * pretty-printed. A given destination (tests) always gets JSON.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream, format: LogFormat = 'json'): Logger {
  const options: pino.LoggerOptions = { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'dsr-hooks' } };
  if (destination || format === 'json') return pino(options, destination);
  // Loaded only here: production images may leave pino-pretty out. sync, so the last lines
  // before process.exit() are written too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  // the start banner's fields repeat its text, which says them for a person already
  return pino(
    options,
    pretty({ sync: true, colorize: Boolean(process.stdout.isTTY), ignore: 'pid,hostname,service,banner', translateTime: 'SYS:HH:MM:ss.l' }),
  );
}
