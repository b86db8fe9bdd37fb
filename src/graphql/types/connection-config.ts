import { Field, ID, ObjectType } from 'type-graphql';
import { AccessLevel, ConnectionType } from './enums';
import { ConnectionOf } from './page';

@ObjectType('ConnectionConfig', { description: 'A system that webhooks call (HTTPS) or a database (POSTGRES), with its secrets stored encrypted.' })
export class ConnectionConfigType {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field({ description: 'Unique key, 1-200 characters of letters, digits, "_", "." and "-"; webhooks name the connection by it.' })
  key!: string;

  @Field({ description: 'Unique name, 1-200 characters.' })
  name!: string;

  @Field(() => ConnectionType, { description: 'What it reaches; fixed once secrets are set.' })
  connectionType!: ConnectionType;

  @Field(() => AccessLevel, { description: 'What it may do at the system it reaches (recorded; dsr-hooks does not enforce it).' })
  access!: AccessLevel;

  @Field({ description: 'An operator\'s mark that it is switched off (recorded; webhook calls do not consult it yet).' })
  disabled!: boolean;

  @Field(() => String, { nullable: true, description: 'Free text, at most 2000 characters.' })
  description!: string | null;

  @Field({ description: 'True once secrets are set. Secret values are never readable through the API.' })
  hasSecrets!: boolean;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;

  @Field({ description: 'When it or its secrets last changed.' })
  updatedAt!: Date;
}

export const ConnectionConfigConnection = ConnectionOf('ConnectionConfig', ConnectionConfigType);
