import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { InvalidTokenError, type AccessTokenClaims, type AccessTokenSigner } from '../domain/access-tokens';
import { createContext, type ContextServices } from '../graphql/context';
import type { ErrorFormatter } from '../graphql/errors';
import type { ChangeFeed } from '../graphql/subscriptions/change-feed';
import type { PreparedSubscription, SubscriptionOperations } from '../graphql/subscriptions/operations';
import { REVOKED, verifyAuthorization } from './bearer-auth';
import { corsAllows, type CorsOptions } from './cors';

export interface WebSocketLimits {
  /** Open sockets per process (WS_MAX_SOCKETS); more are refused with 503. */
  maxSockets: number;
  /** Subscriptions at once on one socket (WS_MAX_SUBSCRIPTIONS_PER_SOCKET). */
  maxSubscriptionsPerSocket: number;
  /** Events waiting for one subscription before its socket is closed as a slow consumer (WS_MAX_WAITING_EVENTS). */
  maxWaitingEvents: number;
  /** Largest message a client may send, as for HTTP bodies. */
  maxMessageBytes: number;
}

export interface GraphQLWebSocketDeps {
  httpServer: Server;
  operations: SubscriptionOperations;
  services: ContextServices;
  feed: ChangeFeed;
  signer: AccessTokenSigner;
  cors: CorsOptions;
  limits: WebSocketLimits;
  /** As for HTTP answers (errorFormatter). */
  formatError: ErrorFormatter;
}

/** Close codes besides graphql-ws' own. */
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_SLOW_CONSUMER = 1008;

const DRAIN_WAIT_MS = 3000;
/** How often open sockets' clients are checked for revocation (ClientAccess caches each answer about as long). */
const REVOCATION_CHECK_MS = 2000;
const MAX_TIMER_MS = 2 ** 31 - 1;

interface SocketState extends Record<PropertyKey, unknown> {
  auth: AccessTokenClaims;
  expiry: NodeJS.Timeout;
}

/**
 * GraphQL over WebSocket (graphql-ws, protocol graphql-transport-ws) on the HTTP server's
 * /graphql. connection_init must carry {"Authorization": "Bearer <token>"}: without a valid
 * token, or once it expires, the socket is closed with 4401. drain() stops taking sockets, lets
 * the events already read reach their subscribers and closes every socket with 1001.
 */
export function serveGraphQLWebSocket(deps: GraphQLWebSocketDeps) {
  const { limits } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const corsAllowed = corsAllows(deps.cors);
  let accepting = true;

  deps.httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = !accepting
      ? [503, 'the server is shutting down']
      : pathOf(req) !== '/graphql'
        ? [404, 'WebSocket connections go to /graphql']
        : !originAllowed(req, corsAllowed)
          ? [403, 'this origin may not open a WebSocket to this API (CORS_ORIGINS)']
          : wss.clients.size >= limits.maxSockets
            ? [503, `too many open WebSockets (at most ${limits.maxSockets}); try again later`]
            : null;
    if (refusal) return refuseUpgrade(socket, refusal[0] as number, refusal[1] as string);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const authenticated = new Map<WebSocket, AccessTokenClaims>();
  const revocations = setInterval(() => closeRevoked(authenticated, deps.services.clients), REVOCATION_CHECK_MS);
  revocations.unref();

  const prepared = new WeakMap<ExecutionArgs, PreparedSubscription>();
  const server = useServer<Record<string, unknown>, SocketState>(
    {
      async onConnect(ctx) {
        const socket = ctx.extra.socket;
        const params = ctx.connectionParams ?? {};
        const header = params.Authorization ?? params.authorization;
        let auth: AccessTokenClaims;
        try {
          if (typeof header !== 'string' || !header.trim())
            throw new InvalidTokenError('malformed', 'connection_init needs {"Authorization": "Bearer <access token>"}');
          auth = await verifyAuthorization(deps.signer, deps.services.clients, header);
        } catch (err) {
          if (!(err instanceof InvalidTokenError)) throw err;
          socket.close(CloseCode.Unauthorized, err.message);
          return false;
        }
        ctx.extra.auth = auth;
        ctx.extra.expiry = closeWhenExpired(socket, auth.expiresAt);
        authenticated.set(socket, auth);
        return true;
      },
      async onSubscribe(ctx, id, payload) {
        const socket = ctx.extra.socket;
        if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerSocket) {
          return [
            new GraphQLError(
              `at most ${limits.maxSubscriptionsPerSocket} subscriptions at once on one socket; complete one first or open another socket`,
              { extensions: { code: 'BAD_USER_INPUT', maxSubscriptionsPerSocket: limits.maxSubscriptionsPerSocket } },
            ),
          ];
        }
        const context = createContext(deps.services, `ws-${randomUUID()}`, ctx.extra.auth ?? null);
        context.live = {
          feed: deps.feed,
          limits: {
            maxWaiting: limits.maxWaitingEvents,
            onSlowConsumer: () =>
              socket.close(
                CLOSE_SLOW_CONSUMER,
                `slow consumer: more than ${limits.maxWaitingEvents} events waiting for subscription ${id.slice(0, 40)}`,
              ),
          },
        };
        const result = await deps.operations.prepare(payload, context);
        if (Array.isArray(result)) return result as GraphQLError[];
        const ready = result as PreparedSubscription;
        prepared.set(ready.args, ready);
        return ready.args;
      },
      subscribe: (args) => deps.operations.run(prepared.get(args)!),
      onNext(ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return undefined;
        return { ...result, errors: result.errors.map((error) => deps.formatError(error.toJSON(), error)) };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((error) => deps.formatError(error.toJSON(), error));
      },
      onClose(ctx) {
        clearTimeout(ctx.extra.expiry);
        authenticated.delete(ctx.extra.socket);
      },
    },
    wss,
  );

  return {
    get openSockets(): number {
      return wss.clients.size;
    },
    async drain(): Promise<void> {
      accepting = false;
      clearInterval(revocations);
      await deps.feed.stop();
      const deadline = Date.now() + DRAIN_WAIT_MS;
      while (Date.now() < deadline && (deps.feed.waiting > 0 || [...wss.clients].some((ws) => ws.bufferedAmount > 0))) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await server.dispose(); // closes every socket with 1001 Going away
    },
  };
}

export type GraphQLWebSocket = ReturnType<typeof serveGraphQLWebSocket>;

/** A browser sends Origin; it must be this server's own or one CORS allows. Clients without one (not browsers) pass. */
function originAllowed(req: IncomingMessage, corsAllowed: (origin: string) => boolean): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (corsAllowed(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ errors: [{ message }] });
  const reason = status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Service Unavailable';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Sockets whose client was revoked close with 4401, as its tokens stop working over HTTP. */
function closeRevoked(sockets: Map<WebSocket, AccessTokenClaims>, clients: ContextServices['clients']): void {
  for (const [socket, auth] of sockets) {
    clients.isActive(auth.clientId).then(
      (active) => active || socket.close(CloseCode.Unauthorized, REVOKED),
      () => undefined, // the database is unreachable: the next round asks again
    );
  }
}

/** The socket closes with 4401 when its token expires, so the client connects again with a new one. */
function closeWhenExpired(socket: WebSocket, expiresAt: number): NodeJS.Timeout {
  const left = expiresAt * 1000 - Date.now();
  return setTimeout(
    () => {
      if (Date.now() < expiresAt * 1000) return void closeWhenExpired(socket, expiresAt); // a timer caps at ~24.8 days
      socket.close(CloseCode.Unauthorized, 'the access token has expired; connect again with a new one');
    },
    Math.min(Math.max(left, 0), MAX_TIMER_MS),
  );
}
