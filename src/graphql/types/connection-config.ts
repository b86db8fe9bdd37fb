import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AccessLevel, ConnectionType } from './enums';
import { ConnectionOf } from './page';

@ObjectType('ConnectionConfig', {
  description: 'A system that webhooks call (HTTPS) or a database (POSTGRES), with its secrets stored encrypted.',
})
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

  @Field({ description: "An operator's mark that it is switched off (recorded; webhook calls do not consult it yet)." })
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

@ObjectType('ConnectionHealth', { description: "Delivery health of a connection, from the recorded attempts of its webhooks' calls." })
export class ConnectionHealthType {
  @Field(() => Int, { description: 'Failed attempts since the last delivered one (retries count one each).' })
  consecutiveFailures!: number;

  @Field(() => Date, { nullable: true, description: 'When an attempt was last delivered (a halting answer counts).' })
  lastSuccessAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an attempt last failed.' })
  lastFailureAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last failed attempt failed.' })
  lastError!: string | null;

  @Field(() => Int, { description: 'Attempts recorded in the last 24 hours.' })
  attemptsLast24h!: number;

  @Field(() => Int, { description: 'Failed attempts recorded in the last 24 hours.' })
  failuresLast24h!: number;
}

@ObjectType('ConnectionTestResult', { description: "What a test call to a connection's URL did; nothing is stored." })
export class ConnectionTestResultType {
  @Field({ description: 'True when the receiver answered 2xx.' })
  ok!: boolean;

  @Field(() => Int, { nullable: true, description: 'Null when no response arrived.' })
  responseStatus!: number | null;

  @Field(() => Int, { description: 'How long the call took, in milliseconds.' })
  durationMs!: number;

  @Field(() => String, { nullable: true, description: 'What went wrong, in words a person can act on; null when ok.' })
  error!: string | null;
}

export const ConnectionConfigConnection = ConnectionOf('ConnectionConfig', ConnectionConfigType);
