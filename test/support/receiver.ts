/**
 * A webhook receiver for tests: a real HTTP server on 127.0.0.1 (random port) that records every
 * request and answers through a handler you can swap at any time.
 *
 *   const receiver = await startReceiver();                  // answers 200 {} until told otherwise
 *   receiver.url                                             // "http://127.0.0.1:<port>"
 *   receiver.handle((req) => ({ status: 200, body: { halt: false } }));   // object bodies become JSON
 *   receiver.handle(inOrder({ status: 503 }, { status: 200 })); // 1st request 503, then 200 from then on
 *   receiver.handle(() => ({ status: 200, delayMs: 500 }));  // answer late (for timeouts)
 *   receiver.handle((req, res) => { res.writeHead(200); res.write('x'); }); // return nothing: you own `res`
 *   await receiver.waitForRequests(2);                       // resolves with the first 2 requests, or throws
 *   receiver.requests[0].headers.authorization; receiver.requests[0].body (Buffer, exact bytes) ; .json()
 *   receiver.reset();                                        // forget recorded requests
 *   await receiver.close();                                  // also drops open/hanging connections
 *
 * A handler that returns undefined without ending `res` leaves the request hanging (a silent
 * receiver); close() still ends it.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  /** Lower-cased header names, as Node parses them. */
  headers: IncomingHttpHeaders;
  /** The body bytes exactly as received. */
  body: Buffer;
  /** The body as utf8 text. */
  text: string;
  json<T = any>(): T;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON. Default: {} as JSON. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
}

export type Handler = (request: ReceivedRequest, res: ServerResponse) => Reply | void | Promise<Reply | void>;

export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  handle(handler: Handler): void;
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  reset(): void;
  close(): Promise<void>;
}

/** A handler answering the n-th request with the n-th reply, and every later one with the last. */
export function inOrder(...replies: Reply[]): Handler {
  let next = 0;
  return () => replies[Math.min(next++, replies.length - 1)];
}

export async function startReceiver(handler: Handler = () => ({})): Promise<Receiver> {
  let current = handler;
  const requests: ReceivedRequest[] = [];
  const waiters = new Set<() => void>();
  const delays = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer);
        resolve();
      }, ms);
      delays.add(timer);
    });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        text,
        json: () => JSON.parse(text),
      };
      requests.push(request);
      waiters.forEach((wake) => wake());
      try {
        const reply = await current(request, res);
        if (reply?.delayMs) await wait(reply.delayMs);
        if (reply) send(res, reply);
      } catch (error) {
        if (!res.headersSent) res.writeHead(500).end(String(error));
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    handle(next) {
      current = next;
    },
    reset() {
      requests.length = 0;
    },
    waitForRequests(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (requests.length < count) return;
          done();
          resolve(requests.slice(0, count));
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`receiver got ${requests.length} request(s), expected ${count} within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      delays.forEach((timer) => clearTimeout(timer));
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const isRaw = typeof reply.body === 'string' || Buffer.isBuffer(reply.body);
  const payload = isRaw ? (reply.body as string | Buffer) : JSON.stringify(reply.body ?? {});
  const headers = { ...(isRaw ? {} : { 'content-type': 'application/json' }), ...reply.headers };
  res.writeHead(reply.status ?? 200, headers).end(payload);
}
