import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionOf } from './page';

/** preWebhooks and postWebhooks are resolved in PolicyResolver through the per-request loader. */
@ObjectType('Policy', { description: 'What happens to a privacy request: the webhooks called before and after it executes.' })
export class PolicyType {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field({ description: 'Unique key, 1-200 characters of letters, digits, "_", "." and "-"; privacy requests name the policy by it.' })
  key!: string;

  @Field({ description: 'Unique name, 1-200 characters.' })
  name!: string;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;

  @Field({ description: 'When its name last changed.' })
  updatedAt!: Date;
}

export const PolicyConnection = ConnectionOf('Policy', PolicyType);
