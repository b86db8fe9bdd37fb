import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PrivacyRequestStatus } from '../../domain/enums';
import { optionalIdentity, type Identity } from '../../domain/identity';
import * as requests from '../../domain/privacy-request';
import type { ChainStepView, PrivacyRequestView, WebhookDeliveryView } from '../../domain/privacy-request';
import { ReplyTokens } from '../../domain/reply-tokens';
import type { PolicyView, WebhookView } from '../../domain/views';
import type { Context } from '../context';
import { IdentityInput, PrivacyRequestInput } from '../inputs/privacy-request';
import { Scope } from '../scopes';
import { PageArgs, selectsTotalCount, toConnection } from '../types/page';
import { PolicyType } from '../types/policy';
import { ChainStepType, IdentityType, PrivacyRequestConnection, PrivacyRequestType, WebhookDeliveryType } from '../types/privacy-request';
import { PolicyWebhookType } from '../types/webhook';

@Resolver(() => PrivacyRequestType)
export class PrivacyRequestResolver {
  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @Query(() => PrivacyRequestConnection, { description: 'Privacy requests, newest first, optionally only those with one status.' })
  privacyRequests(
    @Ctx() { em }: Context,
    @Arg('status', () => PrivacyRequestStatus, { nullable: true, description: 'Only requests with this status; all when absent.' })
    status: PrivacyRequestStatus | null,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return requests
      .list(em, { ...page, withCount: selectsTotalCount(info), status })
      .then((found) => toConnection(found, requests.cursorOf));
  }

  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @Query(() => PrivacyRequestType, { nullable: true, description: 'The privacy request with this id; null when there is none.' })
  privacyRequest(
    @Ctx() { em }: Context,
    @Arg('id', () => ID, { description: "The request's id." }) id: string,
  ): Promise<PrivacyRequestView | null> {
    return requests.find(em, id);
  }

  @Authorized(Scope.PRIVACY_REQUEST_CREATE)
  @Mutation(() => [PrivacyRequestType], {
    description:
      'Queue privacy requests (at most 50 at once), all-or-nothing; each runs pre-webhooks, execution, post-webhooks. ' +
      'Returns them PENDING, in input order. NOT_FOUND for an unknown policy; BAD_USER_INPUT for more than 50, an identity ' +
      'without email and phone number, an invalid email or phone number, or an externalId outside 1-200 characters.',
  })
  createPrivacyRequests(
    @Ctx() { em, box }: Context,
    @Arg('input', () => [PrivacyRequestInput], { description: 'The requests to queue (at most 50).' }) input: PrivacyRequestInput[],
  ): Promise<PrivacyRequestView[]> {
    return requests.create(em, box, input);
  }

  @Mutation(() => PrivacyRequestType, {
    description:
      'Resume a request paused by a two-way webhook; authorised by the reply-to-token alone (no access token or scope). ' +
      'UNAUTHENTICATED for a token that is not valid; FORBIDDEN for one that expired, was used, or is not the one for the ' +
      'current pause; BAD_USER_INPUT when the request is not PAUSED or the derived identity is invalid.',
  })
  async resumePrivacyRequest(
    @Ctx() { em, box }: Context,
    @Arg('token', () => String, { description: 'The reply-to-token header of the webhook call that paused the request; usable once.' })
    token: string,
    @Arg('derivedIdentity', () => IdentityInput, {
      nullable: true,
      description: 'Identity values found meanwhile; they replace the known ones, and fields left out are kept.',
    })
    derivedIdentity: IdentityInput | null,
  ): Promise<PrivacyRequestView> {
    const identity = optionalIdentity(derivedIdentity, 'derivedIdentity');
    return requests.resume(em, box, new ReplyTokens(box), { token, derivedIdentity: identity });
  }

  @Authorized(Scope.PRIVACY_REQUEST_REVIEW)
  @Mutation(() => PrivacyRequestType, {
    description:
      'Re-run an ERROR request from the step and webhook where it failed; it is PENDING again. NOT_FOUND for an unknown ' +
      'id; BAD_USER_INPUT when it is not ERROR.',
  })
  retryPrivacyRequest(
    @Ctx() { em }: Context,
    @Arg('id', () => ID, { description: "The request's id." }) id: string,
  ): Promise<PrivacyRequestView> {
    return requests.retry(em, id);
  }

  @Authorized(Scope.PRIVACY_REQUEST_REVIEW)
  @Mutation(() => PrivacyRequestType, {
    description:
      'Stop a request: it becomes CANCELED and no webhook is called for it afterwards. Only PENDING or PAUSED requests ' +
      'can be canceled (BAD_USER_INPUT otherwise); NOT_FOUND for an unknown id.',
  })
  cancelPrivacyRequest(
    @Ctx() { em }: Context,
    @Arg('id', () => ID, { description: "The request's id." }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, at most 2000 characters; kept as cancelReason.' })
    reason: string | null,
  ): Promise<PrivacyRequestView> {
    return requests.cancel(em, id, reason);
  }

  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @FieldResolver(() => IdentityType, { description: 'Known identity, including identities derived by two-way webhooks.' })
  identity(@Root() request: PrivacyRequestView, @Ctx() { box }: Context): IdentityType {
    const identity = box.decryptJson<Identity>(request.sealedIdentity);
    return { email: identity.email ?? null, phoneNumber: identity.phone_number ?? null };
  }

  @Authorized(Scope.POLICY_READ)
  @FieldResolver(() => PolicyType, { description: 'The policy it runs.' })
  policy(@Root() request: PrivacyRequestView, @Ctx() { loaders }: Context): Promise<PolicyView | null> {
    return loaders.policyById.load(request.policyId);
  }

  @Authorized(Scope.WEBHOOK_READ)
  @FieldResolver(() => PolicyWebhookType, {
    nullable: true,
    description: 'The webhook an ERROR request failed at; null otherwise, or once that webhook was deleted.',
  })
  failedWebhook(@Root() request: PrivacyRequestView, @Ctx() { loaders }: Context): Promise<WebhookView | null> | null {
    return request.failedWebhookId ? loaders.webhookById.load(request.failedWebhookId) : null;
  }

  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @FieldResolver(() => [WebhookDeliveryType], { description: 'Every attempt of every webhook call, in the order they were made.' })
  deliveries(@Root() request: PrivacyRequestView, @Ctx() { loaders }: Context): Promise<WebhookDeliveryView[]> {
    return loaders.deliveriesByRequestId.load(request.id);
  }

  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @FieldResolver(() => [ChainStepType], {
    description:
      'The webhooks this request runs, pre-execution first, in the order it calls them; fixed when a worker first picks it up (empty before).',
  })
  chain(@Root() request: PrivacyRequestView, @Ctx() { loaders }: Context): Promise<ChainStepView[]> {
    return loaders.chainByRequestId.load(request.id);
  }
}

@Resolver(() => ChainStepType)
export class ChainStepResolver {
  @Authorized(Scope.WEBHOOK_READ)
  @FieldResolver(() => PolicyWebhookType, {
    nullable: true,
    description: 'The webhook as it is now; null once it has been deleted (the request then records it as SKIPPED).',
  })
  webhook(@Root() step: ChainStepView, @Ctx() { loaders }: Context): Promise<WebhookView | null> | null {
    return step.webhookId ? loaders.webhookById.load(step.webhookId) : null;
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  @Authorized(Scope.WEBHOOK_READ)
  @FieldResolver(() => PolicyWebhookType, { nullable: true, description: 'Null once the webhook has been deleted.' })
  webhook(@Root() delivery: WebhookDeliveryView, @Ctx() { loaders }: Context): Promise<WebhookView | null> | null {
    return delivery.webhookId ? loaders.webhookById.load(delivery.webhookId) : null;
  }
}
