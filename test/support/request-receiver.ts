import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook receiver for the request lifecycle tests: a real HTTP server on 127.0.0.1. */
export interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
  raw: string;
}

export interface Answer {
  status?: number;
  /** Objects are sent as JSON, strings as they are. */
  body?: unknown;
  /** Close the connection without answering (a network error for the caller). */
  destroy?: boolean;
}

export type Responder = (call: ReceivedCall) => Answer | Promise<Answer>;

export interface RequestReceiver {
  url: string;
  calls: ReceivedCall[];
  /** Answers with this from now on (default 200 {}). */
  answer(responder: Responder): void;
  /** Resolves once n calls have arrived; rejects after timeoutMs. */
  waitForCalls(n: number, timeoutMs?: number): Promise<ReceivedCall[]>;
  close(): Promise<void>;
}

export async function startRequestReceiver(responder: Responder = () => ({})): Promise<RequestReceiver> {
  let current = responder;
  const calls: ReceivedCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      const call = { path: req.url ?? '', headers: req.headers, body, raw };
      calls.push(call);
      const answer = await current(call);
      if (answer.destroy) return void req.socket.destroy();
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    answer(next) {
      current = next;
    },
    async waitForCalls(n, timeoutMs = 15000) {
      const deadline = Date.now() + timeoutMs;
      while (calls.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} webhook calls, got ${calls.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return calls.slice(0, n);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface KeyedReceiver extends RequestReceiver {
  /** Answers by webhook key (the path's last segment); default 200 {"halt": false}. */
  answers: Record<string, Responder>;
  /** The calls made for this privacy request, in order. */
  callsOf(requestId: string): ReceivedCall[];
  /** Forgets the answers and the calls (for beforeEach). */
  reset(): void;
}

/** A request receiver whose answers are set per webhook key. */
export async function startKeyedReceiver(): Promise<KeyedReceiver> {
  const answers: Record<string, Responder> = {};
  const receiver = await startRequestReceiver((call) => (answers[call.path.slice(1)] ?? (() => ({ body: { halt: false } })))(call));
  return Object.assign(receiver, {
    answers,
    callsOf: (requestId: string) => receiver.calls.filter((c) => c.body?.privacy_request_id === requestId),
    reset() {
      for (const key of Object.keys(answers)) delete answers[key];
      receiver.calls.length = 0;
    },
  });
}
