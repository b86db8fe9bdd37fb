import { Field, ObjectType } from 'type-graphql';

@ObjectType('ApiClientCredentials', {
  description: 'A new OAuth client: exchange the id and secret for access tokens at POST /oauth/token.',
})
export class ApiClientCredentialsType {
  @Field({ description: 'The client id ("dsr_" and 24 hex digits).' })
  clientId!: string;

  @Field({ description: 'Shown once, at creation.' })
  clientSecret!: string;

  @Field(() => [String], { description: 'The scopes it holds, each once.' })
  scopes!: string[];
}

@ObjectType('ApiClient', {
  description:
    'An OAuth client made by createApiClient. Its secret is never shown again; the root client from the environment is not listed.',
})
export class ApiClientType {
  @Field({ description: 'The client_id for POST /oauth/token.' })
  clientId!: string;

  @Field(() => [String], { description: 'The scopes its tokens can hold.' })
  scopes!: string[];

  @Field({ description: 'When createApiClient made it.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was revoked (revokeApiClient); null while it works.' })
  revokedAt!: Date | null;
}
