import { Field, InputType, Int } from 'type-graphql';
import { WebhookDirection } from '../types/enums';

@InputType({ description: 'A policy to create, or to update when its key exists.' })
export class PolicyInput {
  @Field(() => String, {
    nullable: true,
    description: 'Derived from the name when absent. 1-200 characters of letters, digits, "_", "." and "-".',
  })
  key?: string | null;

  @Field({ description: 'Unique among policies; trimmed, 1-200 characters (CONFLICT when another policy has it).' })
  name!: string;
}

@InputType({ description: 'One webhook of an ordered list; give a key, a name or both.' })
export class WebhookInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Derived from the name when absent; an existing key keeps its webhook (and id). 1-200 characters of letters, digits, "_", "." and "-".',
  })
  key?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to the key. Unique within the phase, 1-200 characters.' })
  name?: string | null;

  @Field(() => WebhookDirection, { description: 'Whether the answer is awaited (TWO_WAY) or not (ONE_WAY).' })
  direction!: WebhookDirection;

  @Field({ description: 'Key of the HTTPS connection to call (NOT_FOUND when none has it; BAD_USER_INPUT for a POSTGRES one).' })
  connectionConfigKey!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Default true: a failed call fails the request. False: it is recorded and the request goes on.',
  })
  required?: boolean | null;
}

@InputType({ description: 'Changes to one webhook; absent or null members stay as they are.' })
export class WebhookPatch {
  @Field(() => String, { nullable: true, description: 'New name, unique within the phase (CONFLICT otherwise), 1-200 characters.' })
  name?: string | null;

  @Field(() => WebhookDirection, { nullable: true, description: 'New direction.' })
  direction?: WebhookDirection | null;

  @Field(() => String, { nullable: true, description: 'Key of another HTTPS connection to call.' })
  connectionConfigKey?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Make the webhook required (a failed call fails the request) or optional.' })
  required?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Move the webhook to this 0-based position; the others shift to keep 0..n-1.' })
  order?: number | null;
}
