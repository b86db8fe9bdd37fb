import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { HttpsSecrets } from '../domain/connection-secrets';
import type { SecretBox } from '../domain/crypto';
import { DeliveryOutcome, ExecutionStep, WebhookDirection, WebhookPhase } from '../domain/enums';
import { mergeIdentity, type Identity } from '../domain/identity';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { AttemptRecord, DeliveryRequest, Dispatcher } from './dispatcher';
import type { ExecutionConnector } from './execution-step';
import type { RunJobPayload } from '../db/jobs';
import * as requests from '../domain/privacy-request';
import type { AttemptRow, Checkpoint, ClaimedRun, RunWebhook } from '../domain/privacy-request';
import { ReplyTokens } from '../domain/reply-tokens';
import { RunWrites } from './run-writes';
import type { SecretsCache } from './secrets-cache';
import { interpretAnswer } from './webhook-answer';

export interface PipelineDeps {
  em: EntityManager;
  box: SecretBox;
  dispatcher: Dispatcher;
  tokens: ReplyTokens;
  secrets: SecretsCache;
  replyTokenTtlSeconds: number;
  connectors: ExecutionConnector[];
  logger: Logger;
  metrics?: Metrics;
}

const STEPS = [ExecutionStep.PRE_WEBHOOKS, ExecutionStep.EXECUTION, ExecutionStep.POST_WEBHOOKS];
const PHASE_OF_STEP: Partial<Record<ExecutionStep, WebhookPhase>> = {
  [ExecutionStep.PRE_WEBHOOKS]: WebhookPhase.PRE_EXECUTION,
  [ExecutionStep.POST_WEBHOOKS]: WebhookPhase.POST_EXECUTION,
};

/** What one unit of work did to the run: go on (with the identity now known), or stop. */
type StepResult = { go: true; identity: Identity } | { go: false };

/** One unit of a run: a webhook of the chain, or the EXECUTION step. */
type Unit = { step: ExecutionStep; webhook: RunWebhook | null };

/** A chain webhook that still exists. */
type LiveWebhook = RunWebhook & { id: string; direction: WebhookDirection; required: boolean; connectionId: string; connectionKey: string };

/**
 * Runs a request from its checkpoint to COMPLETE, PAUSED or ERROR. Delivery is at-least-once: a
 * job picked up again after a crash starts from the last checkpoint, so the webhook in flight
 * at the crash is called again. Each checkpoint commits while the next webhook is called (see
 * RunWrites); the write after the last unit also completes the request.
 */
export async function runPrivacyRequest(deps: PipelineDeps, job: RunJobPayload): Promise<void> {
  const em = deps.em.fork();
  const run = await requests.claim(em, job);
  if (!run) return; // canceled, or a stale job for an earlier run
  const units = plan(run, run.webhooks);
  const writes = new RunWrites();
  let identity = deps.box.decryptJson<Identity>(run.sealedIdentity);
  try {
    for (const [index, unit] of units.entries()) {
      if (writes.stopped) return;
      const ctx: RunContext = { deps, em, run, writes, step: unit.step, last: index === units.length - 1 };
      const result = unit.webhook ? await callWebhook(ctx, unit.webhook, identity) : await runExecutionStep(ctx, identity);
      if (!result.go) return;
      identity = result.identity;
    }
    if (!units.length) writes.queueFinal(() => requests.complete(em, run));
  } finally {
    await writes.settle();
  }
}

/** What a unit of work needs to know about the run it belongs to. */
interface RunContext {
  deps: PipelineDeps;
  em: EntityManager;
  run: ClaimedRun;
  writes: RunWrites;
  step: ExecutionStep;
  /** The last unit: its write also completes the request. */
  last: boolean;
}

/** The units of the request's chain still to do, from the checkpoint on. */
function plan(run: ClaimedRun, webhooks: RunWebhook[]): Unit[] {
  const units: Unit[] = [];
  for (const step of STEPS.slice(STEPS.indexOf(run.nextStep))) {
    const from = step === run.nextStep ? run.nextOrder : 0;
    const phase = PHASE_OF_STEP[step];
    if (!phase) units.push({ step, webhook: null });
    else units.push(...webhooks.filter((w) => w.phase === phase && w.order >= from).map((webhook) => ({ step, webhook })));
  }
  return units;
}

async function runExecutionStep({ deps, em, run, writes, last }: RunContext, identity: Identity): Promise<StepResult> {
  const at: Checkpoint = { step: ExecutionStep.EXECUTION, order: 0 };
  try {
    for (const connector of deps.connectors) await connector.run({ requestId: run.requestId, policyId: run.policyId, identity });
  } catch (err) {
    writes.queueFinal(() => requests.fail(em, run, [], at, null, `execution failed: ${(err as Error).message}`));
    return { go: false };
  }
  // With no connector there is nothing to protect: the next write carries the checkpoint past this step.
  if (!deps.connectors.length && !last) return { go: true, identity };
  writes.queue(() =>
    checkpoint(em, run, { attempts: [], next: { step: ExecutionStep.POST_WEBHOOKS, order: 0 }, sealedIdentity: null }, last),
  );
  return { go: true, identity };
}

async function callWebhook(ctx: RunContext, webhook: RunWebhook, identity: Identity): Promise<StepResult> {
  if (!isLive(webhook)) return skipDeletedWebhook(ctx, webhook, identity);
  const { deps, em, run, writes, step, last } = ctx;
  const at: Checkpoint = { step, order: webhook.order };
  const next: Checkpoint = { step, order: webhook.order + 1 };
  const attemptRow = (a: AttemptRecord, outcome: DeliveryOutcome = a.outcome as DeliveryOutcome): AttemptRow => ({
    webhookId: webhook.id,
    webhookKey: webhook.key,
    connectionId: webhook.connectionId,
    phase: webhook.phase,
    attempt: a.attempt,
    outcome,
    responseStatus: a.responseStatus,
    error: outcome === DeliveryOutcome.FAILED ? a.error : null,
    durationMs: a.durationMs,
    responseExcerpt: a.responseExcerpt,
    responseContentType: a.responseContentType,
    createdAt: new Date(),
  });
  /** A required webhook fails the request there; an optional one leaves a FAILED row and the request goes on. */
  const failed = (reason: string, final: AttemptRecord | undefined): StepResult => {
    // A call refused before any attempt (no secrets, the address guard) still leaves one FAILED row.
    const attempt = final ?? {
      attempt: 1,
      outcome: 'FAILED',
      responseStatus: null,
      error: null,
      durationMs: 0,
      willRetry: false,
      responseExcerpt: null,
      responseContentType: null,
    };
    const row = [{ ...attemptRow(attempt, DeliveryOutcome.FAILED), error: attempt.error ?? reason }];
    if (!webhook.required) {
      deps.logger.info({ requestId: run.requestId, webhook: webhook.key, reason }, 'optional webhook failed; the request goes on');
      writes.queue(() => checkpoint(em, run, { attempts: row, next, sealedIdentity: null }, last));
      return { go: true, identity };
    }
    deps.logger.info({ requestId: run.requestId, webhook: webhook.key, reason }, 'privacy request failed at a webhook');
    writes.queueFinal(() => requests.fail(em, run, row, at, webhook.id, reason));
    return { go: false };
  };

  const target = openTarget(deps, webhook);
  if ('problem' in target) return failed(`webhook '${webhook.key}': ${target.problem}`, undefined);
  const pre = webhook.phase === WebhookPhase.PRE_EXECUTION;
  const issued =
    pre && webhook.direction === WebhookDirection.TWO_WAY ? deps.tokens.issue(run.requestId, webhook.id, deps.replyTokenTtlSeconds) : null;
  const started = performance.now();
  const result = await deps.dispatcher.deliver(
    { target, connectionId: webhook.connectionId, ...wireMessage(run, webhook, identity, issued?.token ?? null), deliveryId: randomUUID() },
    async (a) => {
      if (a.willRetry) writes.queueFinal(() => requests.logAttempts(em, run.requestId, [attemptRow(a)]));
    },
  );
  const final = result.attempts[result.attempts.length - 1];
  const answer = interpretAnswer(webhook.key, webhook.direction, result);
  const outcome = answer.kind === 'failed' ? 'failed' : answer.kind === 'halt' ? 'halted' : 'delivered';
  deps.metrics?.webhookDeliveries.inc({ outcome });
  deps.metrics?.webhookDuration.observe({ outcome }, (performance.now() - started) / 1000);
  if (answer.kind === 'failed') return failed(answer.reason, final);

  const merged = Object.keys(answer.derived).length ? mergeIdentity(identity, answer.derived) : identity;
  const sealed = merged === identity ? null : deps.box.encryptJson(merged);
  if (answer.kind === 'halt' && issued) {
    const progress = { attempts: [attemptRow(final, DeliveryOutcome.HALTED)], next, sealedIdentity: sealed };
    writes.queueFinal(() => requests.pause(em, run, progress, { claims: issued.claims, hash: ReplyTokens.hash(issued.token) }));
    return { go: false };
  }
  writes.queue(() => checkpoint(em, run, { attempts: [attemptRow(final, DeliveryOutcome.DELIVERED)], next, sealedIdentity: sealed }, last));
  return { go: true, identity: merged };
}

function isLive(webhook: RunWebhook): webhook is LiveWebhook {
  return webhook.id !== null && webhook.direction !== null;
}

/** A webhook of the chain deleted before its turn: recorded as SKIPPED, and the request goes on. */
function skipDeletedWebhook({ em, run, writes, step, last }: RunContext, webhook: RunWebhook, identity: Identity): StepResult {
  const skipped: AttemptRow = {
    webhookId: null,
    webhookKey: webhook.key,
    phase: webhook.phase,
    attempt: 0,
    outcome: DeliveryOutcome.SKIPPED,
    connectionId: null,
    responseStatus: null,
    error: 'the webhook was deleted before its turn',
    durationMs: 0,
    responseExcerpt: null,
    responseContentType: null,
    createdAt: new Date(),
  };
  writes.queue(() => checkpoint(em, run, { attempts: [skipped], next: { step, order: webhook.order + 1 }, sealedIdentity: null }, last));
  return { go: true, identity };
}

/** The connection's URL and credentials, or why there are none to call with. */
function openTarget(deps: PipelineDeps, webhook: LiveWebhook): HttpsSecrets | { problem: string } {
  if (!webhook.sealedSecrets) return { problem: `connection '${webhook.connectionKey}' has no secrets` };
  try {
    return deps.secrets.open(webhook.sealedSecrets);
  } catch {
    // Retrying cannot help: the key is wrong or the stored value was altered.
    return { problem: `the secrets of connection '${webhook.connectionKey}' could not be decrypted` };
  }
}

/** Saves a unit's progress; the write after the last unit also completes the request. */
function checkpoint(em: EntityManager, run: ClaimedRun, progress: requests.Progress, last: boolean): Promise<boolean> {
  return last ? requests.complete(em, run, progress) : requests.saveProgress(em, run, progress);
}

/** Body (the dispatcher adds each attempt's timestamp) and headers as ARCHITECTURE.md's wire format has them; reply-to only for two_way pre-execution calls. */
function wireMessage(
  run: ClaimedRun,
  webhook: LiveWebhook,
  identity: Identity,
  replyToken: string | null,
): Omit<DeliveryRequest, 'target' | 'deliveryId'> {
  return {
    body: {
      privacy_request_id: run.requestId,
      direction: webhook.direction,
      callback_type: webhook.phase,
      identity,
      policy_key: run.policyKey,
      webhook_key: webhook.key,
      privacy_request_status: run.status.toLowerCase(),
      external_id: run.externalId,
    },
    headers: replyToken ? { 'reply-to': `/privacy-request/${run.requestId}/resume`, 'reply-to-token': replyToken } : {},
  };
}
