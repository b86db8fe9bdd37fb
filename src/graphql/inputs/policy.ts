import { Field, InputType, Int } from 'type-graphql';
import { WebhookDirection } from '../types/enums';

@InputType()
export class PolicyInput {
  @Field(() => String, { nullable: true, description: 'Derived from the name when absent.' })
  key?: string | null;

  @Field()
  name!: string;
}

@InputType()
export class WebhookInput {
  @Field(() => String, { nullable: true, description: 'Derived from the name when absent.' })
  key?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to the key.' })
  name?: string | null;

  @Field(() => WebhookDirection)
  direction!: WebhookDirection;

  @Field()
  connectionConfigKey!: string;
}

@InputType()
export class WebhookPatch {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => WebhookDirection, { nullable: true })
  direction?: WebhookDirection | null;

  @Field(() => String, { nullable: true })
  connectionConfigKey?: string | null;

  @Field(() => Int, { nullable: true, description: 'Move the webhook to this 0-based position; the others shift to keep 0..n-1.' })
  order?: number | null;
}
