import { Field, ObjectType } from 'type-graphql';

@ObjectType('ApiClientCredentials', { description: 'A new OAuth client: exchange the id and secret for access tokens at POST /oauth/token.' })
export class ApiClientCredentialsType {
  @Field({ description: 'The client id ("dsr_" and 24 hex digits).' })
  clientId!: string;

  @Field({ description: 'Shown once, at creation.' })
  clientSecret!: string;

  @Field(() => [String], { description: 'The scopes it holds, each once.' })
  scopes!: string[];
}
