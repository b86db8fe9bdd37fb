import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Who a privacy request is about; each given value must be valid (BAD_USER_INPUT).' })
export class IdentityInput {
  @Field(() => String, { nullable: true, description: 'Email address, at most 254 characters; trimmed.' })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number of digits, spaces, "+", "-", ".", "(", ")", at most 31 characters; trimmed.',
  })
  phoneNumber?: string | null;
}

@InputType({ description: 'A privacy request to queue.' })
export class PrivacyRequestInput {
  @Field({ description: 'Key of the policy to run (NOT_FOUND when there is none).' })
  policyKey!: string;

  @Field(() => IdentityInput, { description: 'Who it is about: an email, a phone number or both (BAD_USER_INPUT with neither).' })
  identity!: IdentityInput;

  @Field(() => String, { nullable: true, description: "The caller's own reference, 1-200 characters." })
  externalId?: string | null;
}
