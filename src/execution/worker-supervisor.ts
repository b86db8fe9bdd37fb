import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelayMs, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_MAX_MS } from './retry-policy';
import { startWorker, type WorkerOptions, type WorkerRuntime } from './worker';

export interface ReconnectBackoff {
  baseMs: number;
  maxMs: number;
}

const DEFAULT_BACKOFF: ReconnectBackoff = { baseMs: DEFAULT_BACKOFF_BASE_MS, maxMs: DEFAULT_BACKOFF_MAX_MS };

/**
 * The worker of `serve`, which must outlive a database outage. When its liveness connection
 * breaks the worker can no longer prove it is alive, so it stops taking jobs (its runner is
 * stopped); a new one is started, with backoff, once the database answers again. Its first
 * dead-worker sweep releases the jobs the old one still held, so they run again from their last
 * checkpoint and no request is lost. Only the first start may fail: its error is thrown.
 */
export async function superviseWorker(
  options: Omit<WorkerOptions, 'onLivenessLost'>,
  backoff: ReconnectBackoff = DEFAULT_BACKOFF,
): Promise<WorkerRuntime> {
  const logger = options.logger.child({ component: 'worker' });
  const stopping = new AbortController();
  const start = async () => {
    let lost!: (err: unknown) => void;
    const whenLost = new Promise<unknown>((resolve) => (lost = resolve));
    const runtime = await startWorker({ ...options, onLivenessLost: (err) => lost(err) });
    return { runtime, whenLost };
  };

  let current: WorkerRuntime | null = null;
  const first = await start();
  current = first.runtime;

  /** Starts a new worker with backoff until one starts; null when stopped meanwhile. */
  const reconnect = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await sleep(backoffDelayMs(attempt, backoff.baseMs, backoff.maxMs, null), undefined, { signal: stopping.signal });
      } catch {
        return null;
      }
      try {
        const next = await start();
        logger.info({ attempts: attempt }, 'the worker reconnected to PostgreSQL and takes jobs again');
        return next;
      } catch (err) {
        logger.warn({ err, attempt }, 'the worker cannot reach PostgreSQL yet; trying again');
      }
    }
  };
  const supervise = async (whenLost: Promise<unknown>) => {
    for (;;) {
      const err = await Promise.race([whenLost, abortion(stopping.signal)]);
      if (stopping.signal.aborted) return;
      logger.error({ err }, 'lost the worker liveness connection to PostgreSQL: the worker stops taking jobs and reconnects');
      await current?.stop().catch((stopErr) => logger.warn({ err: stopErr }, 'the disconnected worker did not stop cleanly'));
      current = null;
      const next = await reconnect();
      if (!next) return;
      current = next.runtime;
      whenLost = next.whenLost;
    }
  };
  const supervising = supervise(first.whenLost);

  return {
    async stop() {
      stopping.abort();
      await supervising;
      await current?.stop();
      current = null;
    },
  };
}

function abortion(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
