import type { ExecutionStep, WebhookDirection, WebhookPhase } from '../enums';
import type { WebhookDeliveryView } from './views';

/** A run the worker claimed: what it needs to carry the request on from its checkpoint. */
export interface ClaimedRun {
  requestId: string;
  runId: string;
  policyId: string;
  policyKey: string;
  sealedIdentity: string;
  nextStep: ExecutionStep;
  nextPosition: number;
}

export interface RunWebhook {
  id: string;
  key: string;
  phase: WebhookPhase;
  position: number;
  direction: WebhookDirection;
  connectionKey: string;
  sealedSecrets: string | null;
}

/** Where a run stands: the next step, and in a webhook step the position of the next webhook. */
export interface Checkpoint {
  step: ExecutionStep;
  position: number;
}

/** One attempt of a webhook call, as webhook_delivery logs it. */
export type AttemptRow = Omit<WebhookDeliveryView, 'id' | 'privacyRequestId' | 'webhookId' | 'createdAt'> & { webhookId: string; createdAt: Date };

/** What a unit of the run moves forward: the attempts it made, the next checkpoint, the identity if it changed. */
export interface Progress {
  attempts: AttemptRow[];
  next: Checkpoint;
  /** The identity sealed again when a webhook derived more of it; null when it stayed. */
  sealedIdentity: string | null;
}
