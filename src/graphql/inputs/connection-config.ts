import { Field, InputType, Int } from 'type-graphql';
import { AccessLevel, ConnectionType } from '../types/enums';

@InputType()
export class ConnectionConfigInput {
  @Field(() => String, { nullable: true, description: 'Derived from the name when absent.' })
  key?: string | null;

  @Field()
  name!: string;

  @Field(() => ConnectionType)
  connectionType!: ConnectionType;

  @Field(() => AccessLevel)
  access!: AccessLevel;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  disabled?: boolean | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class HttpsSecretsInput {
  @Field({ description: 'Absolute http(s) URL the webhook request is POSTed to.' })
  url!: string;

  @Field({ description: 'Sent verbatim as the Authorization header.' })
  authorization!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Optional Standard Webhooks signing secret (whsec_...); when set, every request is signed.',
  })
  signingSecret?: string | null;
}

@InputType()
export class PostgresSecretsInput {
  @Field()
  host!: string;

  @Field(() => Int, { nullable: true, defaultValue: 5432 })
  port?: number | null;

  @Field()
  dbname!: string;

  @Field()
  username!: string;

  @Field(() => String, { nullable: true })
  password?: string | null;

  @Field(() => String, { nullable: true })
  sslMode?: string | null;
}

@InputType({ description: "Exactly one member, matching the connection's type." })
export class ConnectionSecretsInput {
  @Field(() => HttpsSecretsInput, { nullable: true })
  https?: HttpsSecretsInput | null;

  @Field(() => PostgresSecretsInput, { nullable: true })
  postgres?: PostgresSecretsInput | null;
}
