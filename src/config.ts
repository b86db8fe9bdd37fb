import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type LogFormat = 'json' | 'pretty';

export interface Config {
  nodeEnv: string;
  production: boolean;
  databaseUrl?: string;
  host: string;
  port: number;
  /** 32 bytes; undefined until resolved from the environment or the data directory. */
  encryptionKey?: Buffer;
  logLevel: LogLevel;
  /** LOG_FORMAT: pretty with NODE_ENV=development (the default), JSON lines otherwise. */
  logFormat: LogFormat;
  dataDir: string;
  /** How long a reply-to token can resume a paused request; a request still paused then fails. */
  replyTokenTtlSeconds: number;
  /** Requests worked on in parallel per process; 0 with `serve` runs the API without a worker. */
  workerConcurrency: number;
  /** Per webhook call: connect, headers and body (WEBHOOK_TIMEOUT_MS). */
  webhookTimeoutMs: number;
  /** Attempts per webhook delivery, the first included (WEBHOOK_MAX_ATTEMPTS). */
  webhookMaxAttempts: number;
  /** Webhook URLs may reach loopback/private/link-local addresses (WEBHOOK_ALLOW_PRIVATE_NETWORKS). */
  webhookAllowPrivateNetworks: boolean;
  /** Backoff between webhook attempts (WEBHOOK_BACKOFF_BASE_MS, WEBHOOK_BACKOFF_MAX_MS). */
  webhookBackoffBaseMs: number;
  webhookBackoffMaxMs: number;
  /** Root OAuth client with every scope; generated in dataDir outside production when unset. */
  rootClientId?: string;
  rootClientSecret?: string;
  accessTokenTtlSeconds: number;
  /** Failed /oauth/token attempts allowed per client id within the window before it is locked. */
  tokenFailureLimit: number;
  tokenFailureWindowSeconds: number;
  introspection: boolean;
  /** Browser origins allowed by CORS besides http://localhost:* outside production. */
  corsOrigins: string[];
  bodyLimitBytes: number;
  maxQueryDepth: number;
  maxQueryCost: number;
  /** Lexical tokens per GraphQL document (GRAPHQL_MAX_TOKENS), counted while parsing. */
  maxQueryTokens: number;
  /** Aliased fields per operation, fragments included (GRAPHQL_MAX_ALIASES). */
  maxQueryAliases: number;
  /** Directives per operation, fragments included (GRAPHQL_MAX_DIRECTIVES). */
  maxQueryDirectives: number;
  /** PostgreSQL statement_timeout of every pooled connection (DATABASE_STATEMENT_TIMEOUT_MS). */
  databaseStatementTimeoutMs: number;
  /** Longest wait for a pooled connection, connecting included (DATABASE_ACQUIRE_TIMEOUT_MS). */
  databaseAcquireTimeoutMs: number;
  /** GraphQL over WebSocket: open sockets per process, subscriptions per socket, events waiting per subscription. */
  wsMaxSockets: number;
  wsMaxSubscriptionsPerSocket: number;
  wsMaxWaitingEvents: number;
  /** Port of the embedded PostgreSQL (used without DATABASE_URL); undefined: a free one chosen at start. */
  embeddedPgPort?: number;
  /** Prometheus /metrics on its own port (METRICS_PORT, 0: a free one); undefined: no metrics endpoint. */
  metricsPort?: number;
  metricsHost: string;
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

  const port = parseInteger(env.PORT, 4000, 'PORT', 0, 65535, problems);
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  // Pretty for a person running it in development; JSON lines wherever a program reads the log
  // (production, and NODE_ENV=test, which jest sets too).
  const logFormat = (env.LOG_FORMAT || (nodeEnv === 'development' ? 'pretty' : 'json')) as LogFormat;
  if (logFormat !== 'json' && logFormat !== 'pretty') problems.push('LOG_FORMAT must be json or pretty');

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  if (!databaseUrl && production) {
    problems.push('DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for development only)');
  }
  const embeddedPgPort = parseInteger(env.EMBEDDED_PG_PORT, 0, 'EMBEDDED_PG_PORT', 0, 65535, problems) || undefined;
  const metricsPort = env.METRICS_PORT ? parseInteger(env.METRICS_PORT, 0, 'METRICS_PORT', 0, 65535, problems) : undefined;

  let encryptionKey: Buffer | undefined;
  if (env.APP_ENCRYPTION_KEY) {
    encryptionKey = Buffer.from(env.APP_ENCRYPTION_KEY, 'utf8');
    if (encryptionKey.length !== 32) {
      problems.push(`APP_ENCRYPTION_KEY must be exactly 32 bytes (got ${encryptionKey.length})`);
    }
  } else if (production) {
    problems.push('APP_ENCRYPTION_KEY is required when NODE_ENV=production (exactly 32 bytes)');
  }

  const replyTokenTtlSeconds = parseInteger(
    env.REPLY_TOKEN_TTL_SECONDS,
    7 * 24 * 3600,
    'REPLY_TOKEN_TTL_SECONDS',
    1,
    365 * 24 * 3600,
    problems,
  );
  const workerConcurrency = parseInteger(env.WORKER_CONCURRENCY, 4, 'WORKER_CONCURRENCY', 0, 256, problems);
  const webhookTimeoutMs = parseInteger(env.WEBHOOK_TIMEOUT_MS, 10_000, 'WEBHOOK_TIMEOUT_MS', 1, 600_000, problems);
  const webhookMaxAttempts = parseInteger(env.WEBHOOK_MAX_ATTEMPTS, 3, 'WEBHOOK_MAX_ATTEMPTS', 1, 20, problems);
  const webhookAllowPrivateNetworks = parseBoolean(
    env.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    !production,
    'WEBHOOK_ALLOW_PRIVATE_NETWORKS',
    problems,
  );
  const webhookBackoffBaseMs = parseInteger(env.WEBHOOK_BACKOFF_BASE_MS, 500, 'WEBHOOK_BACKOFF_BASE_MS', 0, 600_000, problems);
  const webhookBackoffMaxMs = parseInteger(env.WEBHOOK_BACKOFF_MAX_MS, 30_000, 'WEBHOOK_BACKOFF_MAX_MS', 0, 3_600_000, problems);
  const rootClientId = env.OAUTH_ROOT_CLIENT_ID || undefined;
  const rootClientSecret = env.OAUTH_ROOT_CLIENT_SECRET || undefined;
  if (production && !rootClientId) problems.push('OAUTH_ROOT_CLIENT_ID is required when NODE_ENV=production');
  if (production && !rootClientSecret) problems.push('OAUTH_ROOT_CLIENT_SECRET is required when NODE_ENV=production');
  if (!production && Boolean(rootClientId) !== Boolean(rootClientSecret)) {
    problems.push('OAUTH_ROOT_CLIENT_ID and OAUTH_ROOT_CLIENT_SECRET must be set together');
  }
  if (rootClientSecret && rootClientSecret.length < 16) problems.push('OAUTH_ROOT_CLIENT_SECRET must be at least 16 characters');
  const corsOrigins = parseOrigins(env.CORS_ORIGINS, problems);

  const limits = {
    accessTokenTtlSeconds: parseInteger(env.ACCESS_TOKEN_TTL_SECONDS, 3600, 'ACCESS_TOKEN_TTL_SECONDS', 1, 31_536_000, problems),
    tokenFailureLimit: parseInteger(env.OAUTH_MAX_FAILED_ATTEMPTS, 10, 'OAUTH_MAX_FAILED_ATTEMPTS', 1, 1_000_000, problems),
    tokenFailureWindowSeconds: parseInteger(
      env.OAUTH_FAILED_ATTEMPTS_WINDOW_SECONDS,
      60,
      'OAUTH_FAILED_ATTEMPTS_WINDOW_SECONDS',
      1,
      86_400,
      problems,
    ),
    introspection: !production || env.GRAPHQL_INTROSPECTION === 'true',
    bodyLimitBytes: parseInteger(env.MAX_REQUEST_BODY_BYTES, 1024 * 1024, 'MAX_REQUEST_BODY_BYTES', 1, 1024 ** 3, problems),
    maxQueryDepth: parseInteger(env.GRAPHQL_MAX_DEPTH, 10, 'GRAPHQL_MAX_DEPTH', 1, 1000, problems),
    maxQueryCost: parseInteger(env.GRAPHQL_MAX_COST, 10_000, 'GRAPHQL_MAX_COST', 1, 100_000_000, problems),
    maxQueryTokens: parseInteger(env.GRAPHQL_MAX_TOKENS, 5000, 'GRAPHQL_MAX_TOKENS', 1, 1_000_000, problems),
    maxQueryAliases: parseInteger(env.GRAPHQL_MAX_ALIASES, 30, 'GRAPHQL_MAX_ALIASES', 0, 100_000, problems),
    maxQueryDirectives: parseInteger(env.GRAPHQL_MAX_DIRECTIVES, 50, 'GRAPHQL_MAX_DIRECTIVES', 0, 100_000, problems),
    databaseStatementTimeoutMs: parseInteger(
      env.DATABASE_STATEMENT_TIMEOUT_MS,
      10_000,
      'DATABASE_STATEMENT_TIMEOUT_MS',
      1,
      3_600_000,
      problems,
    ),
    databaseAcquireTimeoutMs: parseInteger(env.DATABASE_ACQUIRE_TIMEOUT_MS, 15_000, 'DATABASE_ACQUIRE_TIMEOUT_MS', 1, 600_000, problems),
    wsMaxSockets: parseInteger(env.WS_MAX_SOCKETS, 2000, 'WS_MAX_SOCKETS', 0, 1_000_000, problems),
    wsMaxSubscriptionsPerSocket: parseInteger(
      env.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
      20,
      'WS_MAX_SUBSCRIPTIONS_PER_SOCKET',
      1,
      10_000,
      problems,
    ),
    wsMaxWaitingEvents: parseInteger(env.WS_MAX_WAITING_EVENTS, 500, 'WS_MAX_WAITING_EVENTS', 1, 1_000_000, problems),
  };

  if (problems.length) throw new ConfigError(problems);
  return {
    nodeEnv,
    production,
    databaseUrl,
    host: env.HOST || '0.0.0.0',
    port,
    encryptionKey,
    logLevel,
    logFormat,
    dataDir: resolve(env.DATA_DIR || '.dsr-hooks'),
    replyTokenTtlSeconds,
    workerConcurrency,
    webhookTimeoutMs,
    webhookMaxAttempts,
    webhookAllowPrivateNetworks,
    webhookBackoffBaseMs,
    webhookBackoffMaxMs,
    rootClientId,
    rootClientSecret,
    corsOrigins,
    ...limits,
    embeddedPgPort,
    metricsPort,
    metricsHost: env.METRICS_HOST || '127.0.0.1',
  };
}

/** CORS_ORIGINS: comma-separated exact origins such as https://admin.example.com. */
export function parseOrigins(value: string | undefined, problems: string[]): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let normalised: string | undefined;
    try {
      normalised = new URL(origin).origin;
    } catch {
      normalised = undefined;
    }
    if (normalised !== origin)
      problems.push(
        `CORS_ORIGINS entry "${origin}" must be an origin like https://app.example.com (scheme, host, optional port; no path or trailing slash)`,
      );
  }
  return origins;
}

export function parseInteger(
  value: string | undefined,
  fallback: number,
  name: string,
  min: number,
  max: number,
  problems: string[],
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number ${min}-${max} (got "${value}")`);
    return fallback;
  }
  return n;
}

export function parseBoolean(value: string | undefined, fallback: boolean, name: string, problems: string[]): boolean {
  if (value === undefined || value === '') return fallback;
  const normalised = value.trim().toLowerCase();
  if (normalised === 'true' || normalised === '1') return true;
  if (normalised === 'false' || normalised === '0') return false;
  problems.push(`${name} must be true or false (got "${value}")`);
  return fallback;
}

/**
 * Outside production a missing APP_ENCRYPTION_KEY is generated once and kept in the data
 * directory, so secrets written in one run can be read in the next.
 */
export function resolveEncryptionKey(config: Config, warn: (msg: string) => void): Buffer {
  if (config.encryptionKey) return config.encryptionKey;
  const kept = keptInDataDir(config.dataDir, 'encryption.key', () => randomBytes(24).toString('base64'));
  const key = Buffer.from(kept.text.trim(), 'utf8');
  if (key.length !== 32) throw new ConfigError([`${kept.file} must hold exactly 32 bytes`]);
  if (kept.created)
    warn(`APP_ENCRYPTION_KEY is not set: generated a development key in ${kept.file}. Set APP_ENCRYPTION_KEY in production.`);
  config.encryptionKey = key;
  return key;
}

/**
 * A development file in the data directory: generated once, readable by this user alone (mode
 * 0600), and read back on every later start. Its text, and whether this call created it.
 */
export function keptInDataDir(dataDir: string, name: string, generate: () => string): { file: string; text: string; created: boolean } {
  const file = join(dataDir, name);
  if (existsSync(file)) return { file, text: readFileSync(file, 'utf8'), created: false };
  mkdirSync(dataDir, { recursive: true });
  const text = generate();
  writeFileSync(file, text, { mode: 0o600 });
  return { file, text, created: true };
}
