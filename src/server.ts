import type { AddressInfo } from 'node:net';
import { resolveEncryptionKey, type Config } from './config';
import { databaseTimeouts, resolveDatabase } from './db/database';
import { ChangeListener } from './db/change-listener';
import { initOrm, type Orm } from './db/orm';
import { AccessTokenSigner } from './domain/access-tokens';
import { SecretBox } from './domain/crypto';
import { resolveRootClient, type ResolvedRootClient } from './domain/root-client';
import { dispatcherTestCall } from './execution/connection-test';
import { Dispatcher } from './execution/dispatcher';
import { dispatcherOptionsFromConfig } from './execution/dispatcher-options';
import { installQueue } from './execution/queue';
import { superviseWorker } from './execution/worker-supervisor';
import { workerOptions } from './execution/worker-options';
import { errorFormatter } from './graphql/errors';
import { buildSchema } from './graphql/schema';
import { ALL_SCOPES } from './graphql/scopes';
import { ChangeFeed } from './graphql/subscriptions/change-feed';
import { SubscriptionOperations } from './graphql/subscriptions/operations';
import { createApp } from './http/app';
import { FailedAttemptLimiter } from './http/failed-attempts';
import { registerDatabaseGauges } from './execution/queue-metrics';
import { startMetricsServer } from './http/metrics';
import { serveGraphQLWebSocket } from './http/websocket';
import type { Logger } from './logger';
import { Metrics } from './metrics';

/** GraphiQL's and the console's development token outlives a working session even when access tokens are short. */
const DEV_GRAPHIQL_TOKEN_SECONDS = 12 * 3600;

export interface RunningServer {
  url: string;
  orm: Orm;
  /** GET /metrics, when METRICS_PORT is set. */
  metricsUrl?: string;
  close(): Promise<void>;
}

/** Database, migrations, schema and HTTP: everything `serve` starts, stopped again by close(). */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const encryptionKey = resolveEncryptionKey(config, (msg) => logger.warn(msg));
  const box = new SecretBox(encryptionKey);
  const signer = new AccessTokenSigner(encryptionKey);
  const root = resolveRootClient(config);
  const database = await resolveDatabase(config, logger);
  const log = (message: string) => logger.debug({ component: 'mikro-orm' }, message);
  const timeouts = databaseTimeouts(config);
  const orm = await initOrm(database.url, { log, timeouts });
  await installQueue(database.url, logger);
  // The in-process worker gets its own small pool (each job has at most one statement in
  // flight), so a burst of jobs never queues API requests behind it, nor the other way round.
  const workerOrm =
    config.workerConcurrency > 0
      ? await initOrm(database.url, { log, migrate: false, poolMax: config.workerConcurrency + 2, timeouts })
      : null;
  const metrics = new Metrics();
  registerDatabaseGauges(metrics, orm.em, workerOrm ? { api: orm, worker: workerOrm } : { api: orm });
  // The API outlives a database outage, so its worker reconnects rather than ending the process.
  const worker = workerOrm ? await superviseWorker({ ...workerOptions(config, database.url, workerOrm, box, logger), metrics }) : null;
  const schema = await buildSchema();
  const devTokenSeconds = Math.max(config.accessTokenTtlSeconds, DEV_GRAPHIQL_TOKEN_SECONDS);
  const devToken = () => signer.sign(root.clientId, ALL_SCOPES, devTokenSeconds).token;
  // Subscribers hear of changes made by any process through one LISTEN connection.
  const feed = new ChangeFeed(orm.em, logger);
  const listener = new ChangeListener({ url: database.url, logger, handlers: feed });
  await listener.start();
  const cors = { origins: config.corsOrigins, allowLocalhost: !config.production };
  const testDispatcher = new Dispatcher({ ...dispatcherOptionsFromConfig(config), maxAttempts: 1, logger });
  const documentLimits = {
    maxDepth: config.maxQueryDepth,
    maxTokens: config.maxQueryTokens,
    maxAliases: config.maxQueryAliases,
    maxDirectives: config.maxQueryDirectives,
  };
  const { httpServer: server, apollo } = await createApp({
    schema,
    em: orm.em,
    box,
    testCall: dispatcherTestCall(testDispatcher),
    logger,
    introspection: config.introspection,
    bodyLimit: config.bodyLimitBytes,
    tokens: {
      signer,
      root,
      rootScopes: ALL_SCOPES,
      ttlSeconds: config.accessTokenTtlSeconds,
      limiter: new FailedAttemptLimiter(config.tokenFailureLimit, config.tokenFailureWindowSeconds * 1000),
    },
    cors,
    documentLimits,
    maxQueryCost: config.maxQueryCost,
    metrics,
    pendingMigrations: async () => (await orm.getMigrator().getPendingMigrations()).map((m) => m.name),
    // Development only: GraphiQL opens ready to use, with a fresh root token on every page load.
    graphiqlHeaders: config.production ? undefined : () => ({ Authorization: `Bearer ${devToken()}` }),
    consoleDevToken: config.production
      ? undefined
      : () => ({ access_token: devToken(), token_type: 'bearer', expires_in: devTokenSeconds, scope: ALL_SCOPES.join(' ') }),
    webSocket: (httpServer, services) =>
      serveGraphQLWebSocket({
        httpServer,
        operations: new SubscriptionOperations(schema, { ...documentLimits, maxCost: config.maxQueryCost }),
        services,
        feed,
        signer,
        cors,
        formatError: errorFormatter({ suggestions: config.introspection }),
        limits: {
          maxSockets: config.wsMaxSockets,
          maxSubscriptionsPerSocket: config.wsMaxSubscriptionsPerSocket,
          maxWaitingEvents: config.wsMaxWaitingEvents,
          maxMessageBytes: config.bodyLimitBytes,
        },
      }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  const metricsServer = config.metricsPort === undefined ? null : await startMetricsServer(metrics, config.metricsHost, config.metricsPort);
  logger.info(
    { url: `${url}/graphql`, banner: startBanner(url, metricsServer?.url, root) },
    startBannerText(url, metricsServer?.url, root),
  );

  return {
    url,
    orm,
    metricsUrl: metricsServer?.url,
    async close() {
      // Apollo's drain: no new connections, in-flight requests finish, sockets get their last events and 1001.
      await apollo.stop();
      await metricsServer?.close();
      server.closeAllConnections();
      await listener.stop();
      await worker?.stop();
      await testDispatcher.close();
      await workerOrm?.close();
      await orm.close();
      await database.stop();
    },
  };
}

/** The start banner's fields, for log shippers (the root client's secret stays in its file). */
function startBanner(url: string, metricsUrl: string | undefined, root: ResolvedRootClient) {
  return {
    graphiql: `${url}/graphql`,
    admin: `${url}/admin/`,
    metrics: metricsUrl,
    rootClientId: root.file ? root.clientId : undefined,
    rootClientFile: root.file,
  };
}

/** The same for a person: each address on its own line. */
function startBannerText(url: string, metricsUrl: string | undefined, root: ResolvedRootClient): string {
  const lines = [
    'dsr-hooks is listening',
    `  GraphiQL:     ${url}/graphql (open it in a browser${root.file ? '; it comes with a root token filled in' : ''})`,
    `  Admin:        ${url}/admin/ (the console${root.file ? '; on this machine it signs in by itself' : ''})`,
    `  API:          POST ${url}/graphql, tokens from POST ${url}/oauth/token`,
  ];
  if (metricsUrl) lines.push(`  Metrics:      ${metricsUrl}`);
  if (root.file) lines.push(`  Root client:  id ${root.clientId}, id and secret in ${root.file}`);
  return lines.join('\n');
}
