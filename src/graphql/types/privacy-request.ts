import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DeliveryOutcome, ExecutionStep, PrivacyRequestStatus, WebhookPhase } from '../../domain/enums';
import { ConnectionOf } from './page';

registerEnumType(PrivacyRequestStatus, {
  name: 'PrivacyRequestStatus',
  description: 'Where a privacy request stands.',
  valuesConfig: {
    PENDING: { description: 'Queued; a worker will run it (cancelPrivacyRequest can stop it).' },
    IN_PROCESSING: { description: 'A worker is running its webhooks or its execution.' },
    PAUSED: {
      description:
        'Halted by a two-way pre-execution webhook until resumed with the reply-to token (or canceled); it fails when the token expires.',
    },
    COMPLETE: { description: 'Every step ran. Final.' },
    ERROR: { description: 'A step failed (see failedStep, failedWebhook, failureReason); retryPrivacyRequest runs it again from there.' },
    CANCELED: { description: 'Stopped by cancelPrivacyRequest. Final.' },
  },
});
registerEnumType(ExecutionStep, {
  name: 'ExecutionStep',
  description: 'The steps of a run, in this order.',
  valuesConfig: {
    PRE_WEBHOOKS: { description: "The pre-execution webhooks of the request's chain (the policy's when it started), in order." },
    EXECUTION: { description: 'The data work itself, by a datastore connector (none is installed yet, so the step passes).' },
    POST_WEBHOOKS: { description: "The post-execution webhooks of the request's chain (the policy's when it started), in order." },
  },
});
registerEnumType(DeliveryOutcome, {
  name: 'DeliveryOutcome',
  description: 'What one attempt of a webhook call came to.',
  valuesConfig: {
    DELIVERED: { description: 'The webhook took it; the request went on.' },
    FAILED: {
      description: 'No acceptable answer (refused, timed out, an error status or a bad two-way answer); retried while attempts remain.',
    },
    HALTED: { description: 'A two-way webhook answered `"halt": true`; the request paused.' },
    SKIPPED: { description: "A webhook of the request's chain deleted before its turn: not called (attempt 0); the request went on." },
  },
});

@ObjectType('Identity', { description: 'Who a privacy request is about. Stored encrypted.' })
export class IdentityType {
  @Field(() => String, { nullable: true, description: 'Email address; null when unknown.' })
  email!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number as given (digits, spaces, "+", "-", ".", "(", ")"); null when unknown.',
  })
  phoneNumber!: string | null;
}

/** policy, identity, failedWebhook and deliveries are resolved in PrivacyRequestResolver. */
@ObjectType('PrivacyRequest', { description: "A request about one person's data, run through its policy's webhooks." })
export class PrivacyRequestType {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { nullable: true, description: "The caller's own reference, 1-200 characters; null when none was given." })
  externalId!: string | null;

  @Field(() => PrivacyRequestStatus, { description: 'Where it stands now.' })
  status!: PrivacyRequestStatus;

  @Field(() => ExecutionStep, { nullable: true, description: 'Where an ERROR request failed; retryPrivacyRequest resumes there.' })
  failedStep!: ExecutionStep | null;

  @Field(() => String, { nullable: true, description: 'Why an ERROR request failed, in words; null otherwise.' })
  failureReason!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason given when the request was canceled.' })
  cancelReason!: string | null;

  @Field({ description: 'When it was created; the list is ordered by it, newest first.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a worker first took it up; null before.' })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it last paused; null when it never did.' })
  pausedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it became COMPLETE, ERROR or CANCELED; null while it is not.' })
  finishedAt!: Date | null;
}

/** webhook is resolved in WebhookDeliveryResolver. */
@ObjectType('WebhookDelivery', { description: 'One attempt of one webhook call for a privacy request.' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => WebhookPhase, { description: 'The phase of the webhook called.' })
  phase!: WebhookPhase;

  @Field({ description: 'Key of the webhook called; kept when the webhook is deleted later.' })
  webhookKey!: string;

  @Field(() => Int, { description: '1 for the first call, counting retries; 0 for a SKIPPED webhook, which was not called.' })
  attempt!: number;

  @Field(() => DeliveryOutcome, { description: 'What the attempt came to.' })
  outcome!: DeliveryOutcome;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the response; null when none arrived (refused, timed out).' })
  responseStatus!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the attempt failed, in words; null when it did not.' })
  error!: string | null;

  @Field(() => Int, { description: 'How long the attempt took, in milliseconds.' })
  durationMs!: number;

  @Field(() => String, {
    nullable: true,
    description: "The response body's first bytes (at most 2 KB) when it was text, with the connection's secrets replaced by [redacted].",
  })
  responseExcerpt!: string | null;

  @Field(() => String, { nullable: true, description: "The response's Content-Type header." })
  responseContentType!: string | null;

  @Field({ description: 'When the attempt was logged.' })
  createdAt!: Date;
}

/** webhook is resolved in ChainStepResolver. */
@ObjectType('ChainStep', {
  description:
    "One webhook of the chain a request runs, fixed when a worker first picks the request up; later changes to the policy's webhooks do not move it.",
})
export class ChainStepType {
  @Field(() => WebhookPhase, { description: 'The phase the webhook runs in: before or after the execution step.' })
  phase!: WebhookPhase;

  @Field(() => Int, { description: 'Position in the phase of this chain, 0-based; the order the webhooks are called in.' })
  position!: number;

  @Field({ description: "The webhook's key; kept when the webhook is deleted." })
  webhookKey!: string;
}

export const PrivacyRequestConnection = ConnectionOf(
  'PrivacyRequest',
  PrivacyRequestType,
  'Read from per-status counters kept in the transaction of every change, so it costs the same at any number of requests, unfiltered and with `status` (the only filter).',
);
