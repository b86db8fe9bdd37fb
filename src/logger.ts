import pino from 'pino';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

/** Paths that may carry secret values; pino replaces them before a line is written. */
const REDACT = [
  'secrets', '*.secrets', 'password', '*.password', 'authorization', '*.authorization',
  'headers.authorization', 'req.headers.authorization', 'token', '*.token', 'clientSecret', '*.clientSecret',
  'signingSecret', '*.signingSecret', 'variables',
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'dsr-hooks' } }, destination);
}
