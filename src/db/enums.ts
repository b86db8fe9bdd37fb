export enum ConnectionType {
  HTTPS = 'HTTPS',
  POSTGRES = 'POSTGRES',
}

export enum AccessLevel {
  READ = 'READ',
  WRITE = 'WRITE',
}

/** Values are the webhook wire format's `direction`. */
export enum WebhookDirection {
  ONE_WAY = 'one_way',
  TWO_WAY = 'two_way',
}

/** Values are the webhook wire format's `callback_type`. */
export enum WebhookPhase {
  PRE_EXECUTION = 'pre',
  POST_EXECUTION = 'post',
}

export enum PrivacyRequestStatus {
  PENDING = 'PENDING',
  IN_PROCESSING = 'IN_PROCESSING',
  PAUSED = 'PAUSED',
  COMPLETE = 'COMPLETE',
  ERROR = 'ERROR',
  CANCELED = 'CANCELED',
}

/** The steps of a run, in order; a request's checkpoint names the next one. */
export enum ExecutionStep {
  PRE_WEBHOOKS = 'PRE_WEBHOOKS',
  EXECUTION = 'EXECUTION',
  POST_WEBHOOKS = 'POST_WEBHOOKS',
}

export enum DeliveryOutcome {
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  HALTED = 'HALTED',
  /** A webhook of the request's chain that was deleted before its turn; the request went on. */
  SKIPPED = 'SKIPPED',
}
