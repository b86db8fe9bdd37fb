import type { ExecutionStep, WebhookDirection, WebhookPhase } from '../enums';
import type { WebhookDeliveryView } from './views';

/** A run the worker claimed: what it needs to carry the request on from its checkpoint. */
export interface ClaimedRun {
  requestId: string;
  runId: string;
  policyId: string;
  policyKey: string;
  /** At the claim, so IN_PROCESSING; the wire format's privacy_request_status in lower case. */
  status: string;
  externalId: string | null;
  sealedIdentity: string;
  nextStep: ExecutionStep;
  nextOrder: number;
}

/** A step of the request's chain with its webhook as it is now; id and the rest are null once it was deleted. */
export interface RunWebhook {
  id: string | null;
  key: string;
  phase: WebhookPhase;
  /** Its order in the chain's phase, which the checkpoint counts in (the column is position: ORDER is an SQL keyword). */
  order: number;
  direction: WebhookDirection | null;
  /** False: a failed call is recorded and the run goes on. */
  required: boolean | null;
  connectionId: string | null;
  connectionKey: string | null;
  sealedSecrets: string | null;
}

/** Where a run stands: the next step, and in a webhook step the order of the next webhook in the request's chain. */
export interface Checkpoint {
  step: ExecutionStep;
  order: number;
}

/** One attempt of a webhook call, as webhook_delivery logs it. */
export type AttemptRow = Omit<WebhookDeliveryView, 'id' | 'privacyRequestId' | 'webhookId' | 'createdAt'> & {
  webhookId: string | null;
  /** Kept on the row for connection health, also after the webhook is deleted. */
  connectionId: string | null;
  createdAt: Date;
};

/** What a unit of the run moves forward: the attempts it made, the next checkpoint, the identity if it changed. */
export interface Progress {
  attempts: AttemptRow[];
  next: Checkpoint;
  /** The identity sealed again when a webhook derived more of it; null when it stayed. */
  sealedIdentity: string | null;
}
