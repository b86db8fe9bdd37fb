import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WebhookDirection, WebhookPhase } from './enums';

/** policy and connectionConfig are resolved in WebhookResolver through per-request loaders. */
@ObjectType('PolicyWebhook', { description: "One call a policy makes in a phase, at its place in the phase's order." })
export class PolicyWebhookType {
  @Field(() => ID, { description: 'Stable id (UUID); kept while a set*Webhooks call keeps the key.' })
  id!: string;

  @Field({ description: 'Key, unique within the policy and phase; sent to the receiver as `webhook_key`.' })
  key!: string;

  @Field({ description: 'Name, unique within the policy and phase, 1-200 characters.' })
  name!: string;

  @Field(() => WebhookDirection, { description: 'Whether the answer is awaited.' })
  direction!: WebhookDirection;

  @Field(() => WebhookPhase, { description: 'Before or after execution.' })
  phase!: WebhookPhase;

  @Field({ description: 'When false, a failed call is recorded and the request goes on; when true (the default) it fails the request.' })
  required!: boolean;

  @Field(() => Int, { description: "0-based position among the policy's webhooks of the same phase; always 0..n-1 without gaps." })
  order!: number;

  policyId!: string;
  connectionConfigId!: string;
}

@ObjectType('WebhookOrder', { description: "A webhook's key and its 0-based position after a change." })
export class WebhookOrderType {
  @Field({ description: "The webhook's key." })
  key!: string;

  @Field(() => Int, { description: 'Its 0-based position in the phase.' })
  order!: number;
}

@ObjectType({ description: 'The result of patchWebhook.' })
export class PatchWebhookPayload {
  @Field(() => PolicyWebhookType, { description: 'The webhook as it is now.' })
  resource!: PolicyWebhookType;

  @Field(() => [WebhookOrderType], { description: "The phase's full new order when the patch moved webhooks; empty otherwise." })
  newOrder!: WebhookOrderType[];
}

@ObjectType({ description: 'The result of deleteWebhook.' })
export class DeleteWebhookPayload {
  @Field(() => [WebhookOrderType], { description: "The remaining webhooks' new order when the delete moved any; empty otherwise." })
  newOrder!: WebhookOrderType[];
}
