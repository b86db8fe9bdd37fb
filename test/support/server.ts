import 'reflect-metadata';
import type { DestinationStream } from 'pino';
import type { Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server';
import { createTestDatabase } from './database';

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestServer {
  url: string;
  server: RunningServer;
  /** POSTs a GraphQL operation with a root token (every scope) and returns the parsed JSON answer. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Like gql() but with this bearer token; null sends no Authorization header. */
  gqlAs<T = any>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** A root-client access token from /oauth/token, narrowed to these scopes when given. */
  token(scopes?: string[]): Promise<string>;
  /** Counts the SQL statements the server sends while fn runs. */
  countStatements(fn: () => Promise<unknown>): Promise<{ count: number; statements: string[]; bindings: unknown[][] }>;
  /** Raw SQL against the test database, for assertions. */
  sql<R = any>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export const TEST_ENCRYPTION_KEY = Buffer.from('0123456789abcdef0123456789abcdef', 'utf8');
export const TEST_ROOT_CLIENT = { clientId: 'test-root', clientSecret: 'test-root-secret-0123456789' };

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    nodeEnv: 'test',
    production: false,
    host: '127.0.0.1',
    port: 0,
    encryptionKey: TEST_ENCRYPTION_KEY,
    logLevel: 'silent',
    logFormat: 'json',
    dataDir: '/tmp/dsr-hooks-test',
    replyTokenTtlSeconds: 7 * 24 * 3600,
    // No worker unless a test asks for one (privacy request tests do): fewer connections per file.
    workerConcurrency: 0,
    webhookTimeoutMs: 10_000,
    webhookMaxAttempts: 3,
    webhookAllowPrivateNetworks: true,
    webhookBackoffBaseMs: 10,
    webhookBackoffMaxMs: 200,
    rootClientId: TEST_ROOT_CLIENT.clientId,
    rootClientSecret: TEST_ROOT_CLIENT.clientSecret,
    accessTokenTtlSeconds: 3600,
    tokenFailureLimit: 10,
    tokenFailureWindowSeconds: 60,
    introspection: true,
    corsOrigins: [],
    bodyLimitBytes: 1024 * 1024,
    maxQueryDepth: 10,
    maxQueryCost: 10_000,
    maxQueryTokens: 5000,
    maxQueryAliases: 30,
    maxQueryDirectives: 50,
    databaseStatementTimeoutMs: 10_000,
    databaseAcquireTimeoutMs: 15_000,
    metricsHost: '127.0.0.1',
    wsMaxSockets: 100,
    wsMaxSubscriptionsPerSocket: 20,
    wsMaxWaitingEvents: 500,
    ...overrides,
  };
}

/** A real server on a random port over a fresh database; one per test file. logDestination captures its log lines. */
export async function startTestServer(overrides: Partial<Config> = {}, logDestination?: DestinationStream): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = testConfig({ databaseUrl: db.url, ...overrides });
  const server = await startServer(config, createLogger(config.logLevel, logDestination));
  const knex = server.orm.em.getConnection().getKnex();
  let recording: { sql: string; bindings: unknown[] }[] | null = null;
  knex.on('query', (q: { sql: string; bindings?: unknown[] }) => recording?.push({ sql: q.sql, bindings: q.bindings ?? [] }));
  return {
    ...clientFor(server, config),
    async countStatements(fn) {
      recording = [];
      try {
        await fn();
        return { count: recording.length, statements: recording.map((q) => q.sql), bindings: recording.map((q) => q.bindings) };
      } finally {
        recording = null;
      }
    },
    async close() {
      await server.close();
      await db.drop();
    },
  };
}

/**
 * A TestServer over a server a test started itself (several servers over one database, for
 * restarts and crash recovery): gql() with a root token; close() stops the server only.
 */
export function clientFor(server: RunningServer, config: Config): TestServer {
  const post = async (query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<GraphQLResponse>;
  };
  const token = async (scopes?: string[]) => {
    const res = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: config.rootClientId,
        client_secret: config.rootClientSecret,
        scope: scopes?.join(' '),
      }),
    });
    if (res.status !== 200) throw new Error(`/oauth/token answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  let rootToken: Promise<string> | undefined;
  return {
    url: server.url,
    server,
    async gql(query, variables, headers = {}) {
      rootToken ??= token();
      return post(query, variables, { authorization: `Bearer ${await rootToken}`, ...headers });
    },
    gqlAs: (bearer, query, variables) => post(query, variables, bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
    token,
    countStatements: () => Promise.reject(new Error('countStatements needs startTestServer()')),
    sql: (text, params = []) => server.orm.em.getConnection().execute<any[]>(text, params),
    close: () => server.close(),
  };
}

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function dataOf<T = any>(res: GraphQLResponse<T>): T {
  if (res.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export function errorCode(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}
