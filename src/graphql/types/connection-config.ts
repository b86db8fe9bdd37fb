import { Field, ID, ObjectType } from 'type-graphql';
import { AccessLevel, ConnectionType } from './enums';
import { ConnectionOf } from './page';

@ObjectType('ConnectionConfig')
export class ConnectionConfigType {
  @Field(() => ID)
  id!: string;

  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => ConnectionType)
  connectionType!: ConnectionType;

  @Field(() => AccessLevel)
  access!: AccessLevel;

  @Field()
  disabled!: boolean;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field({ description: 'True once secrets are set. Secret values are never readable through the API.' })
  hasSecrets!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const ConnectionConfigConnection = ConnectionOf('ConnectionConfig', ConnectionConfigType);
