import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionOf } from './page';

/** preWebhooks and postWebhooks are resolved in PolicyResolver through the per-request loader. */
@ObjectType('Policy')
export class PolicyType {
  @Field(() => ID)
  id!: string;

  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const PolicyConnection = ConnectionOf('Policy', PolicyType);
