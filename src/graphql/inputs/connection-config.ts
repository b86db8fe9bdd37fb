import { Field, InputType, Int } from 'type-graphql';
import { AccessLevel, ConnectionType } from '../types/enums';

@InputType({ description: 'A connection to create, or to update when its key exists.' })
export class ConnectionConfigInput {
  @Field(() => String, {
    nullable: true,
    description: 'Derived from the name when absent. 1-200 characters of letters, digits, "_", "." and "-".',
  })
  key?: string | null;

  @Field({ description: 'Unique among connections; trimmed, 1-200 characters (CONFLICT when another connection has it).' })
  name!: string;

  @Field(() => ConnectionType, { description: 'What it reaches; a connection with secrets keeps its type (BAD_USER_INPUT).' })
  connectionType!: ConnectionType;

  @Field(() => AccessLevel, { description: 'What it may do at the system it reaches.' })
  access!: AccessLevel;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Mark it as switched off; false when absent.' })
  disabled?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Free text, at most 2000 characters.' })
  description?: string | null;
}

@InputType({ description: 'One extra header sent with every call of an HTTPS connection; stored encrypted like the other secrets.' })
export class HeaderInput {
  @Field({
    description:
      'An HTTP token; Host, Content-Length, Content-Type, Transfer-Encoding, Connection, Authorization, reply-to, reply-to-token and webhook-* are refused.',
  })
  name!: string;

  @Field({ description: 'One line, without control characters.' })
  value!: string;
}

@InputType({ description: 'OAuth 2.0 client credentials the server uses to get a bearer token for its calls to the connection.' })
export class OAuth2ClientCredentialsInput {
  @Field({ description: 'The token endpoint; it is called through the same address guard, timeout and size cap as webhooks.' })
  tokenUrl!: string;

  @Field({ description: 'Sent with clientSecret as HTTP Basic credentials to tokenUrl.' })
  clientId!: string;

  @Field({ description: 'Never returned, logged or put into an error.' })
  clientSecret!: string;

  @Field(() => String, { nullable: true, description: "Space-separated scopes to ask for; the endpoint's default when absent." })
  scope?: string | null;
}

@InputType({ description: 'Secrets of an HTTPS connection: where webhook calls go and how they authenticate.' })
export class HttpsSecretsInput {
  @Field({ description: 'Absolute http(s) URL the webhook request is POSTed to; at most 4096 characters, without credentials in it.' })
  url!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Sent verbatim as the Authorization header; one line, at most 4096 characters; not together with oauth2.',
  })
  authorization?: string | null;

  @Field(() => [HeaderInput], { nullable: true, description: 'Extra headers sent with every call (at most 20).' })
  headers?: HeaderInput[] | null;

  @Field(() => OAuth2ClientCredentialsInput, {
    nullable: true,
    description:
      'Get a bearer token with these client credentials and send it as the Authorization header; not together with authorization.',
  })
  oauth2?: OAuth2ClientCredentialsInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Optional Standard Webhooks signing secret ("whsec_" and at least 24 base64-encoded bytes); when set, every request is signed.',
  })
  signingSecret?: string | null;
}

@InputType({ description: 'Secrets of a POSTGRES connection. Each text at most 4096 characters.' })
export class PostgresSecretsInput {
  @Field({ description: 'Host name or address of the server; not empty.' })
  host!: string;

  @Field(() => Int, { nullable: true, defaultValue: 5432, description: 'TCP port, 1-65535.' })
  port?: number | null;

  @Field({ description: 'Database name; not empty.' })
  dbname!: string;

  @Field({ description: 'User to log in as; not empty.' })
  username!: string;

  @Field(() => String, { nullable: true, description: "The user's password, if the server asks for one." })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'libpq sslmode: disable, allow, prefer, require, verify-ca or verify-full.' })
  sslMode?: string | null;
}

@InputType({ description: "Exactly one member, matching the connection's type." })
export class ConnectionSecretsInput {
  @Field(() => HttpsSecretsInput, { nullable: true, description: 'For an HTTPS connection.' })
  https?: HttpsSecretsInput | null;

  @Field(() => PostgresSecretsInput, { nullable: true, description: 'For a POSTGRES connection.' })
  postgres?: PostgresSecretsInput | null;
}
