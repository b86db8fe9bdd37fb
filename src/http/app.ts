import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { EntityManager } from '@mikro-orm/postgresql';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { constants as zlib } from 'node:zlib';
import type { AccessTokenClaims } from '../domain/access-tokens';
import { ClientAccess } from '../domain/client-access';
import type { TestCall } from '../domain/connection-test';
import { createServer, type Server } from 'node:http';
import type { SecretBox } from '../domain/crypto';
import { createContext, type Context, type ContextServices } from '../graphql/context';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../db/unavailable';
import { errorFormatter, errorLoggingPlugin } from '../graphql/errors';
import { noNulLiteralsRule, rejectBadVariablesPlugin } from '../graphql/engine/nul-characters';
import { costLimitPlugin, documentLimitRules, parseOptions, type DocumentLimits } from '../graphql/limits';
import { jitGateway } from '../graphql/engine/jit-executor';
import { unknownOperationPlugin } from '../graphql/engine/unknown-operation';
import { metricsPlugin } from '../graphql/metrics-plugin';
import { subscriptionsOverWebSocketOnlyPlugin } from '../graphql/subscriptions/operations';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { adminRoutes, type DevToken } from './admin';
import { bearerAuth } from './bearer-auth';
import { cors, type CorsOptions } from './cors';
import { GRAPHIQL_ASSETS_PATH, graphiqlPage, sendGraphiQLAsset, subscriptionsUrl, wantsGraphiQL } from './graphiql';
import { graphqlRoute } from './graphql-route';
import { httpMetrics } from './metrics';
import { oauthTokenRoute, type TokenEndpointDeps } from './oauth-token';
import { privacyRequestResumeRoute } from './privacy-request-resume';
import { GRAPHIQL_CSP, htmlPageHeaders, noFraming } from './security-headers';

export interface AppDeps {
  schema: GraphQLSchema;
  em: EntityManager;
  box: SecretBox;
  /** Makes testConnectionConfig's call. */
  testCall: TestCall;
  logger: Logger;
  introspection: boolean;
  bodyLimit?: string | number;
  /** /oauth/token and the bearer check on /graphql. */
  tokens: Omit<TokenEndpointDeps, 'em'>;
  cors: CorsOptions;
  /** Depth, tokens, aliases and directives of a document, checked before it is validated further. */
  documentLimits: DocumentLimits;
  maxQueryCost: number;
  /** Headers the GraphiQL page starts with (development: a root token). */
  graphiqlHeaders?: () => Record<string, string>;
  metrics: Metrics;
  /** Names of the migrations not applied yet (another version's); /readyz fails while there are any. */
  pendingMigrations: () => Promise<string[]>;
  /** Serves GraphQL over WebSocket on the HTTP server; drained when Apollo stops. */
  webSocket?: (httpServer: Server, services: ContextServices) => { drain(): Promise<void> };
  /** Development only: the console's root token (see adminRoutes). */
  consoleDevToken?: () => DevToken;
  /** Where the console's build is; web/dist by default. */
  consoleDir?: string;
}

export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * The HTTP server with /graphql (+ GraphiQL, + WebSocket subscriptions) and /health; returns it
 * with the Apollo server, whose stop() drains both (Apollo's drain plugin and the socket drain).
 */
export async function createApp(deps: AppDeps) {
  const app = express();
  const httpServer = createServer(app);
  const clients = new ClientAccess(deps.em, deps.tokens.root.clientId);
  const services = { em: deps.em, box: deps.box, testCall: deps.testCall, logger: deps.logger, clients };
  const webSocket = deps.webSocket?.(httpServer, services);
  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(deps.schema),
    formatError: errorFormatter({ suggestions: deps.introspection }),
    introspection: deps.introspection,
    includeStacktraceInErrorResponses: false,
    // CSRF prevention guards cookie sessions. Here every operation needs an Authorization header,
    // which no cross-site form or simple request can carry, so GET queries need no extra header
    // (urql's default, shareable links). Mutations stay POST-only: Apollo refuses them over GET.
    csrfPrevention: false,
    // main.ts stops everything on SIGTERM/SIGINT; Apollo's own handlers made that stop wait forever.
    stopOnTerminationSignals: false,
    // Cache control would wrap every field resolver (the contract sets no cache hints); usage
    // reporting would do the same if an APOLLO_KEY happened to be in the environment.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      errorLoggingPlugin,
      unknownOperationPlugin,
      rejectBadVariablesPlugin,
      costLimitPlugin(deps.maxQueryCost),
      metricsPlugin(deps.metrics),
      subscriptionsOverWebSocketOnlyPlugin,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await webSocket?.drain();
            },
          };
        },
      },
    ],
    parseOptions: parseOptions(deps.documentLimits),
    validationRules: [...documentLimitRules(deps.documentLimits), noNulLiteralsRule],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // An ETag would hash every answer (a 300 KB read is a sha1 per request) for POST responses
  // no client caches.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(requestId);
  app.use(noFraming);
  app.use(httpMetrics(deps.metrics));
  // gzip or brotli (quality 4: fast enough per request) by Accept-Encoding, for answers over 1 KiB.
  app.use(compression({ threshold: COMPRESSION_THRESHOLD_BYTES, brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } } }));

  // Not behind the queue of a busy pool: a database that cannot answer this soon is not healthy.
  const databaseAnswers = () =>
    Promise.race([
      deps.em.getConnection().execute('select 1'),
      sleep(HEALTH_TIMEOUT_MS, undefined, { ref: false }).then(() => Promise.reject(new Error('slow'))),
    ]).then(
      () => true,
      () => false,
    );
  const unreachable = { status: 'unavailable', reason: 'database unreachable' };
  app.get('/health', async (_req, res) => {
    if (await databaseAnswers()) res.json({ status: 'ok' });
    else res.status(503).json(unreachable);
  });

  // Kubernetes probes: alive while the process answers at all (a database outage is no reason to
  // restart it); ready to take traffic only with the database reachable and fully migrated.
  app.get('/livez', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (!(await databaseAnswers())) return void res.status(503).json(unreachable);
    const pending = await deps.pendingMigrations().catch(() => undefined);
    if (!pending) return void res.status(503).json(unreachable);
    if (pending.length) return void res.status(503).json({ status: 'unavailable', reason: 'migrations pending', pending });
    res.json({ status: 'ok' });
  });

  app.use('/oauth/token', cors(deps.cors), oauthTokenRoute({ ...deps.tokens, em: deps.em }));
  app.get('/graphql', (req, res, next) => {
    if (!wantsGraphiQL(req)) return next();
    // The development root token is handed only to a browser on this machine that names it (no DNS rebinding).
    const headers = isLocalRequest(req) ? deps.graphiqlHeaders?.() : undefined;
    htmlPageHeaders(res, GRAPHIQL_CSP);
    // no-store: in development the page carries a root token
    res
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(graphiqlPage(subscriptionsUrl(req), headers));
  });
  app.get(`${GRAPHIQL_ASSETS_PATH}/:file`, (req, res, next) => void sendGraphiQLAsset(req, res).catch(next));
  app.use(adminRoutes({ distDir: deps.consoleDir, devToken: deps.consoleDevToken, isLocalRequest }));
  app.use(privacyRequestResumeRoute(deps));
  app.use(
    '/graphql',
    cors(deps.cors),
    bearerAuth(deps.tokens.signer, clients),
    express.json({ limit: deps.bodyLimit ?? '1mb' }),
    graphqlRoute(
      apollo,
      async (res, costBudget) =>
        createContext(services, res.locals.requestId as string, (res.locals.auth as AccessTokenClaims | undefined) ?? null, costBudget),
      deps.maxQueryCost,
    ),
  );
  app.use(jsonErrors(deps.logger));
  return { app, httpServer, apollo };
}

/** The longest /health waits for the database before it answers 503. */
const HEALTH_TIMEOUT_MS = 2000;
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

/** From this machine and addressed to it by a loopback name: a DNS-rebinding page names its own host. */
function isLocalRequest(req: Request): boolean {
  return isLoopback(req.socket.remoteAddress) && LOOPBACK_HOST.test(req.headers.host ?? '');
}

function isLoopback(address: string | undefined): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address ?? '');
}

function requestId(req: Request, res: Response, next: NextFunction) {
  const given = req.header('x-request-id');
  const id = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  res.locals.requestId = id;
  res.setHeader('x-request-id', id);
  next();
}

/** Body-parser and other middleware errors as JSON (413 for an oversized body), never a stack trace. */
function jsonErrors(logger: Logger) {
  return (err: { status?: number; type?: string; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (isDatabaseUnavailable(err)) {
      logger.warn({ err, requestId: res.locals.requestId }, 'database unavailable');
      return res.status(503).json({ errors: [{ message: DATABASE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    }
    const status = err.status && err.status >= 400 && err.status < 600 ? err.status : 500;
    if (status >= 500) logger.error({ err, requestId: res.locals.requestId }, 'unexpected HTTP error');
    const message = status === 413 ? 'request body too large' : status < 500 ? err.message : 'internal server error';
    res.status(status).json({
      errors: [
        { message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } },
      ],
    });
  };
}
