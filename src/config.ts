import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  nodeEnv: string;
  production: boolean;
  databaseUrl?: string;
  host: string;
  port: number;
  /** 32 bytes; undefined until resolved from the environment or the data directory. */
  encryptionKey?: Buffer;
  logLevel: LogLevel;
  dataDir: string;
  /** Port of the embedded PostgreSQL (used without DATABASE_URL); undefined: a free one chosen at start. */
  embeddedPgPort?: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates every environment variable once; throws ConfigError naming each bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';

  const port = parsePort(env.PORT, 4000, 'PORT', problems);
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  if (!databaseUrl && production) {
    problems.push('DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for development only)');
  }
  const embeddedPgPort = parsePort(env.EMBEDDED_PG_PORT, 0, 'EMBEDDED_PG_PORT', problems) || undefined;

  let encryptionKey: Buffer | undefined;
  if (env.APP_ENCRYPTION_KEY) {
    encryptionKey = Buffer.from(env.APP_ENCRYPTION_KEY, 'utf8');
    if (encryptionKey.length !== 32) {
      problems.push(`APP_ENCRYPTION_KEY must be exactly 32 bytes (got ${encryptionKey.length})`);
    }
  } else if (production) {
    problems.push('APP_ENCRYPTION_KEY is required when NODE_ENV=production (exactly 32 bytes)');
  }

  if (problems.length) throw new ConfigError(problems);
  return {
    nodeEnv,
    production,
    databaseUrl,
    host: env.HOST || '0.0.0.0',
    port,
    encryptionKey,
    logLevel,
    dataDir: resolve(env.DATA_DIR || '.dsr-hooks'),
    embeddedPgPort,
  };
}

export function parsePort(value: string | undefined, fallback: number, name: string, problems: string[]): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`${name} must be a port number 0-65535 (got "${value}")`);
    return fallback;
  }
  return port;
}

/**
 * Outside production a missing APP_ENCRYPTION_KEY is generated once and kept in the data
 * directory, so secrets written in one run can be read in the next.
 */
export function resolveEncryptionKey(config: Config, warn: (msg: string) => void): Buffer {
  if (config.encryptionKey) return config.encryptionKey;
  const file = join(config.dataDir, 'encryption.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
    if (key.length !== 32) throw new ConfigError([`${file} must hold exactly 32 bytes`]);
    config.encryptionKey = key;
    return key;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const key = Buffer.from(randomBytes(24).toString('base64'), 'utf8');
  writeFileSync(file, key.toString('utf8'), { mode: 0o600 });
  warn(`APP_ENCRYPTION_KEY is not set: generated a development key in ${file}. Set APP_ENCRYPTION_KEY in production.`);
  config.encryptionKey = key;
  return key;
}
