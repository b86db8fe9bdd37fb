import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PrivacyRequestStatus } from '../../domain/enums';
import { optionalIdentity, type Identity } from '../../domain/identity';
import { cancelPrivacyRequest, retryPrivacyRequest } from '../../domain/privacy-request-actions';
import { ReplyTokenRefused, resumePrivacyRequest } from '../../domain/privacy-request-resume';
import type { PrivacyRequestView, WebhookDeliveryView } from '../../domain/privacy-request-views';
import { createPrivacyRequests, findPrivacyRequest, listPrivacyRequests, requestCursor } from '../../domain/privacy-requests';
import type { PolicyView, WebhookView } from '../../domain/views';
import { ReplyTokens } from '../../execution/reply-tokens';
import type { Context } from '../context';
import { IdentityInput, PrivacyRequestInput } from '../inputs/privacy-request';
import { Scope } from '../scopes';
import { toConnection } from '../types/page';
import { PolicyType } from '../types/policy';
import { IdentityType, PrivacyRequestConnection, PrivacyRequestType, WebhookDeliveryType } from '../types/privacy-request';
import { PolicyWebhookType } from '../types/webhook';

@Resolver(() => PrivacyRequestType)
export class PrivacyRequestResolver {
  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @Query(() => PrivacyRequestConnection, { description: 'Newest first.' })
  privacyRequests(
    @Ctx() { em }: Context,
    @Arg('status', () => PrivacyRequestStatus, { nullable: true }) status: PrivacyRequestStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return listPrivacyRequests(em, { status, first, after }).then((page) => toConnection(page, requestCursor));
  }

  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @Query(() => PrivacyRequestType, { nullable: true })
  privacyRequest(@Ctx() { em }: Context, @Arg('id', () => ID) id: string): Promise<PrivacyRequestView | null> {
    return findPrivacyRequest(em, id);
  }

  @Authorized(Scope.PRIVACY_REQUEST_CREATE)
  @Mutation(() => [PrivacyRequestType], {
    description: 'Queue privacy requests (at most 50 at once); each runs pre-webhooks, execution, post-webhooks.',
  })
  createPrivacyRequests(
    @Ctx() { em, box }: Context,
    @Arg('input', () => [PrivacyRequestInput]) input: PrivacyRequestInput[],
  ): Promise<PrivacyRequestView[]> {
    return createPrivacyRequests(em, box, input);
  }

  @Mutation(() => PrivacyRequestType, { description: 'Resume a request paused by a two-way webhook; authorised by the reply-to-token alone.' })
  async resumePrivacyRequest(
    @Ctx() { em, box }: Context,
    @Arg('token', () => String) token: string,
    @Arg('derivedIdentity', () => IdentityInput, { nullable: true }) derivedIdentity: IdentityInput | null,
  ): Promise<PrivacyRequestView> {
    const identity = optionalIdentity(derivedIdentity, 'derivedIdentity');
    try {
      return await resumePrivacyRequest(em, box, new ReplyTokens(box), { token, derivedIdentity: identity });
    } catch (err) {
      if (err instanceof ReplyTokenRefused) throw new GraphQLError(err.message, { extensions: { code: err.code } });
      throw err;
    }
  }

  @Authorized(Scope.PRIVACY_REQUEST_REVIEW)
  @Mutation(() => PrivacyRequestType, { description: 'Re-run an ERROR request from the step and webhook where it failed.' })
  retryPrivacyRequest(@Ctx() { em }: Context, @Arg('id', () => ID) id: string): Promise<PrivacyRequestView> {
    return retryPrivacyRequest(em, id);
  }

  @Authorized(Scope.PRIVACY_REQUEST_REVIEW)
  @Mutation(() => PrivacyRequestType, { description: 'Only PENDING or PAUSED requests can be canceled.' })
  cancelPrivacyRequest(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ): Promise<PrivacyRequestView> {
    return cancelPrivacyRequest(em, id, reason);
  }

  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @FieldResolver(() => IdentityType, { description: 'Known identity, including identities derived by two-way webhooks.' })
  identity(@Root() request: PrivacyRequestView, @Ctx() { box }: Context): IdentityType {
    const identity = box.decryptJson<Identity>(request.sealedIdentity);
    return { email: identity.email ?? null, phoneNumber: identity.phone_number ?? null };
  }

  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @FieldResolver(() => PolicyType)
  policy(@Root() request: PrivacyRequestView, @Ctx() { loaders }: Context): Promise<PolicyView | null> {
    return loaders.policyById.load(request.policyId);
  }

  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @FieldResolver(() => PolicyWebhookType, { nullable: true })
  failedWebhook(@Root() request: PrivacyRequestView, @Ctx() { loaders }: Context): Promise<WebhookView | null> | null {
    return request.failedWebhookId ? loaders.webhookById.load(request.failedWebhookId) : null;
  }

  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @FieldResolver(() => [WebhookDeliveryType], { description: 'Every attempt of every webhook call, in the order they were made.' })
  deliveries(@Root() request: PrivacyRequestView, @Ctx() { loaders }: Context): Promise<WebhookDeliveryView[]> {
    return loaders.deliveriesByRequestId.load(request.id);
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @FieldResolver(() => PolicyWebhookType, { nullable: true, description: 'Null once the webhook has been deleted.' })
  webhook(@Root() delivery: WebhookDeliveryView, @Ctx() { loaders }: Context): Promise<WebhookView | null> | null {
    return delivery.webhookId ? loaders.webhookById.load(delivery.webhookId) : null;
  }
}
