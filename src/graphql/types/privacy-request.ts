import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DeliveryOutcome, ExecutionStep, PrivacyRequestStatus, WebhookPhase } from '../../domain/enums';
import { ConnectionOf } from './page';

registerEnumType(PrivacyRequestStatus, { name: 'PrivacyRequestStatus' });
registerEnumType(ExecutionStep, { name: 'ExecutionStep' });
registerEnumType(DeliveryOutcome, { name: 'DeliveryOutcome' });

@ObjectType('Identity')
export class IdentityType {
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phoneNumber!: string | null;
}

/** policy, identity, failedWebhook and deliveries are resolved in PrivacyRequestResolver. */
@ObjectType('PrivacyRequest')
export class PrivacyRequestType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  externalId!: string | null;

  @Field(() => PrivacyRequestStatus)
  status!: PrivacyRequestStatus;

  @Field(() => ExecutionStep, { nullable: true, description: 'Where an ERROR request failed; retryPrivacyRequest resumes there.' })
  failedStep!: ExecutionStep | null;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason given when the request was canceled.' })
  cancelReason!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  pausedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

/** webhook is resolved in WebhookDeliveryResolver. */
@ObjectType('WebhookDelivery')
export class WebhookDeliveryType {
  @Field(() => ID)
  id!: string;

  @Field(() => WebhookPhase)
  phase!: WebhookPhase;

  @Field(() => Int)
  attempt!: number;

  @Field(() => DeliveryOutcome)
  outcome!: DeliveryOutcome;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the response; null when none arrived (refused, timed out).' })
  responseStatus!: number | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Int)
  durationMs!: number;

  @Field()
  createdAt!: Date;
}

export const PrivacyRequestConnection = ConnectionOf('PrivacyRequest', PrivacyRequestType);
