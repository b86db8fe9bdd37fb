import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WebhookDirection, WebhookPhase } from './enums';

/** policy and connectionConfig are resolved in WebhookResolver through per-request loaders. */
@ObjectType('PolicyWebhook')
export class PolicyWebhookType {
  @Field(() => ID)
  id!: string;

  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => WebhookDirection)
  direction!: WebhookDirection;

  @Field(() => WebhookPhase)
  phase!: WebhookPhase;

  @Field(() => Int, { description: "0-based position among the policy's webhooks of the same phase; always 0..n-1 without gaps." })
  order!: number;

  policyId!: string;
  connectionConfigId!: string;
}

@ObjectType('WebhookOrder')
export class WebhookOrderType {
  @Field()
  key!: string;

  @Field(() => Int)
  order!: number;
}

@ObjectType()
export class PatchWebhookPayload {
  @Field(() => PolicyWebhookType)
  resource!: PolicyWebhookType;

  @Field(() => [WebhookOrderType], { description: "The phase's full new order when the patch moved webhooks; empty otherwise." })
  newOrder!: WebhookOrderType[];
}

@ObjectType()
export class DeleteWebhookPayload {
  @Field(() => [WebhookOrderType], { description: "The remaining webhooks' new order when the delete moved any; empty otherwise." })
  newOrder!: WebhookOrderType[];
}
