import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';

type ExecutionResult<T> = FormattedExecutionResult<T, unknown>;
import WebSocket from 'ws';

/** graphql-ws clients against a test server, with what they received kept for assertions. */
export function wsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/graphql`;
}

export interface TestSocket {
  client: Client;
  /** Resolves with the close code and reason once the socket closes. */
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

/** A socket authenticated with this connection_init payload (no retries, so every close is seen). */
export function openSocket(httpUrl: string, payload: Record<string, unknown> | null, headers: Record<string, string> = {}): TestSocket {
  let onClosed!: (value: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols: string | string[]) {
        super(address, protocols, { headers });
      }
    },
    connectionParams: payload ?? undefined,
    lazy: false,
    retryAttempts: 0,
    shouldRetry: () => false,
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => onClosed({ code: (event as { code: number }).code, reason: String((event as { reason?: string }).reason ?? '') }),
    },
  });
  return { client, closed, dispose: () => Promise.resolve(client.dispose()) };
}

export interface Subscription<T = any> {
  results: ExecutionResult<T>[];
  /** Resolves with the first error (an `error` message) or the close event. */
  failed: Promise<unknown>;
  /** Resolves when the server completed the subscription. */
  completed: Promise<void>;
  /** Waits until a result satisfies the predicate; rejects if the subscription ends first. */
  until(predicate: (result: ExecutionResult<T>) => boolean, what?: string, timeoutMs?: number): Promise<ExecutionResult<T>>;
  stop(): void;
}

/**
 * Makes the change again until the subscription shows it: graphql-ws does not acknowledge a
 * subscription, so the first change can come before the server has registered it.
 */
export async function changeUntilSeen<T>(
  sub: Subscription<T>,
  change: () => Promise<unknown>,
  predicate: (result: ExecutionResult<T>) => boolean,
  what = 'the change',
): Promise<ExecutionResult<T>> {
  for (let attempt = 1; ; attempt++) {
    await change();
    try {
      return await sub.until(predicate, what, 1000);
    } catch (err) {
      if (attempt >= 20 || !(err instanceof Error) || !err.message.startsWith('timed out')) throw err;
    }
  }
}

export function subscribe<T = any>(socket: TestSocket, query: string, variables: Record<string, unknown> = {}): Subscription<T> {
  const results: ExecutionResult<T>[] = [];
  const waiters: {
    predicate: (r: ExecutionResult<T>) => boolean;
    resolve: (r: ExecutionResult<T>) => void;
    reject: (e: unknown) => void;
  }[] = [];
  let onFailed!: (err: unknown) => void;
  let onCompleted!: () => void;
  const failed = new Promise<unknown>((resolve) => (onFailed = resolve));
  const completed = new Promise<void>((resolve) => (onCompleted = resolve));
  const end = (err: unknown) => {
    for (const w of waiters.splice(0)) w.reject(err ?? new Error('the subscription completed'));
  };
  const stop = socket.client.subscribe<T>(
    { query, variables },
    {
      next(result) {
        results.push(result);
        for (const w of [...waiters])
          if (w.predicate(result)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(result);
          }
      },
      error(err) {
        onFailed(err);
        end(err);
      },
      complete() {
        onCompleted();
        end(null);
      },
    },
  );
  return {
    results,
    failed,
    completed,
    until(predicate, what = 'a matching result', timeoutMs = 20000) {
      const found = results.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(results)}`)), timeoutMs);
        waiters.push({
          predicate,
          resolve: (r) => (clearTimeout(timer), resolve(r)),
          reject: (e) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
        });
      });
    },
    stop,
  };
}
