import type { EntityManager } from '@mikro-orm/postgresql';
import { run, type Runner, type TaskList } from 'graphile-worker';
import type { SecretBox } from '../domain/crypto';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { Dispatcher, type DispatcherOptions } from './dispatcher';
import type { ExecutionConnector } from './execution-step';
import { graphileLogger } from './graphile-logger';
import { startLiveness } from './liveness';
import { runPrivacyRequest, type PipelineDeps } from './pipeline';
import { Task, type ExpireJobPayload, type RunJobPayload } from '../db/jobs';
import * as requests from '../domain/privacy-request';
import { ReplyTokens } from '../domain/reply-tokens';
import { SecretsCache } from './secrets-cache';

declare global {
  namespace GraphileConfig {
    interface Plugins {
      DsrHooksLiveness: true;
    }
  }
}

export interface WorkerOptions {
  databaseUrl: string;
  em: EntityManager;
  box: SecretBox;
  logger: Logger;
  concurrency: number;
  replyTokenTtlSeconds: number;
  dispatcher: DispatcherOptions;
  connectors?: ExecutionConnector[];
  /** How often dead processes' jobs are looked for; recovery takes at most about this plus the poll interval. */
  sweepIntervalMs?: number;
  /** Called when the liveness connection breaks; the process must stop at once. */
  onLivenessLost: (err: unknown) => void;
  /** Job and webhook delivery metrics, when the process exposes any. */
  metrics?: Metrics;
}

export interface WorkerRuntime {
  /** Stops taking jobs, lets the running ones finish (or releases them), closes connections. */
  stop(): Promise<void>;
}

/** graphile-worker with this server's tasks, crash recovery and one keep-alive dispatcher. */
export async function startWorker(options: WorkerOptions): Promise<WorkerRuntime> {
  const logger = options.logger.child({ component: 'worker' });
  const liveness = await startLiveness({
    databaseUrl: options.databaseUrl,
    logger,
    sweepIntervalMs: options.sweepIntervalMs ?? 3000,
    onLost: options.onLivenessLost,
  });
  const dispatcher = new Dispatcher({ ...options.dispatcher, logger });
  const deps: PipelineDeps = {
    em: options.em,
    box: options.box,
    dispatcher,
    tokens: new ReplyTokens(options.box),
    secrets: new SecretsCache(options.box),
    replyTokenTtlSeconds: options.replyTokenTtlSeconds,
    connectors: options.connectors ?? [],
    logger,
    metrics: options.metrics,
  };
  const taskList: TaskList = timedTasks(options.metrics, {
    [Task.RUN_REQUEST]: async (payload, helpers) => {
      try {
        await runPrivacyRequest(deps, payload as RunJobPayload);
      } catch (err) {
        // graphile-worker retries the job with backoff; after its last attempt the request must not stay IN_PROCESSING.
        logger.error({ err, requestId: (payload as RunJobPayload).requestId, attempt: helpers.job.attempts }, 'privacy request run failed');
        if (helpers.job.attempts >= helpers.job.max_attempts) {
          await requests.giveUp(
            options.em.fork(),
            payload as RunJobPayload,
            'internal error while running the request (see the server log); retry it',
          );
        }
        throw err;
      }
    },
    [Task.EXPIRE_PAUSED]: async (payload) => {
      const { requestId, tokenId } = payload as ExpireJobPayload;
      if (await requests.expire(options.em.fork(), requestId, tokenId)) logger.info({ requestId }, 'paused request expired');
    },
  });

  let runner: Runner;
  try {
    runner = await run({
      connectionString: options.databaseUrl,
      concurrency: options.concurrency,
      maxPoolSize: options.concurrency + 2,
      noHandleSignals: true,
      pollInterval: 1000,
      logger: graphileLogger(logger),
      taskList,
      preset: {
        plugins: [
          {
            name: 'DsrHooksLiveness',
            version: '1.0.0',
            worker: {
              hooks: {
                // Awaited before the worker asks for its first job: no job is ever locked by an unregistered id.
                startWorker: (_ctx, event) => liveness.register(event.worker.workerId),
              },
            },
          },
        ],
      },
    });
  } catch (err) {
    await dispatcher.close();
    await liveness.stop();
    throw err;
  }
  logger.info({ concurrency: options.concurrency }, 'worker started');

  return {
    async stop() {
      await runner.stop();
      await dispatcher.close();
      await liveness.stop();
    },
  };
}

/** Each task observed: how long its job waited past its run_at, and how long it ran. */
function timedTasks(metrics: Metrics | undefined, tasks: TaskList): TaskList {
  if (!metrics) return tasks;
  return Object.fromEntries(
    Object.entries(tasks).map(([task, fn]) => [
      task,
      async (payload, helpers) => {
        metrics.jobWait.observe({ task }, Math.max(0, Date.now() - helpers.job.run_at.getTime()) / 1000);
        const end = metrics.jobDuration.startTimer({ task });
        try {
          await fn!(payload, helpers);
          end({ outcome: 'success' });
        } catch (err) {
          end({ outcome: 'error' });
          throw err;
        }
      },
    ]),
  );
}
