import type { DeliveryOutcome, ExecutionStep, PrivacyRequestStatus, WebhookPhase } from '../enums';

/** A privacy request as the read side returns it; the identity stays sealed until a field needs it. */
export interface PrivacyRequestView {
  id: string;
  externalId: string | null;
  policyId: string;
  status: PrivacyRequestStatus;
  sealedIdentity: string;
  failedStep: ExecutionStep | null;
  failedWebhookId: string | null;
  failureReason: string | null;
  cancelReason: string | null;
  createdAt: Date;
  startedAt: Date | null;
  pausedAt: Date | null;
  finishedAt: Date | null;
  /** created_at in microseconds since the epoch, for exact keyset cursors. */
  createdMicros: string;
}

export interface WebhookDeliveryView {
  id: string;
  privacyRequestId: string;
  webhookId: string | null;
  webhookKey: string;
  phase: WebhookPhase;
  attempt: number;
  outcome: DeliveryOutcome;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
  responseExcerpt: string | null;
  responseContentType: string | null;
  createdAt: Date;
}

/** One webhook of the chain a request runs (fixed at its first claim); webhookId null once deleted. */
export interface ChainStepView {
  privacyRequestId: string;
  phase: WebhookPhase;
  position: number;
  webhookId: string | null;
  webhookKey: string;
}

export const REQUEST_COLUMNS = `id, external_id as "externalId", policy_id as "policyId", status, identity as "sealedIdentity",
  failed_step as "failedStep", failed_webhook_id as "failedWebhookId", failure_reason as "failureReason",
  cancel_reason as "cancelReason", created_at as "createdAt", started_at as "startedAt", paused_at as "pausedAt",
  finished_at as "finishedAt", (extract(epoch from created_at) * 1000000)::bigint::text as "createdMicros"`;

export const DELIVERY_COLUMNS = `id, privacy_request_id as "privacyRequestId", webhook_id as "webhookId", webhook_key as "webhookKey", phase, attempt, outcome,
  response_status as "responseStatus", error, duration_ms as "durationMs", response_excerpt as "responseExcerpt",
  response_content_type as "responseContentType", created_at as "createdAt"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
