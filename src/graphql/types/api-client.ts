import { Field, ObjectType } from 'type-graphql';

@ObjectType('ApiClientCredentials')
export class ApiClientCredentialsType {
  @Field()
  clientId!: string;

  @Field({ description: 'Shown once, at creation.' })
  clientSecret!: string;

  @Field(() => [String])
  scopes!: string[];
}
