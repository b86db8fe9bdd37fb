import { Field, InputType } from 'type-graphql';

@InputType()
export class IdentityInput {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phoneNumber?: string | null;
}

@InputType()
export class PrivacyRequestInput {
  @Field()
  policyKey!: string;

  @Field(() => IdentityInput)
  identity!: IdentityInput;

  @Field(() => String, { nullable: true })
  externalId?: string | null;
}
