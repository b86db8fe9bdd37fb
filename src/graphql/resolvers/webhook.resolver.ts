import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { WebhookPhase } from '../../domain/enums';
import type { ConnectionConfigView, PolicyView, WebhookOrder, WebhookView } from '../../domain/views';
import { deleteWebhook, findWebhook, patchWebhook, setWebhooks } from '../../domain/webhooks';
import type { Context } from '../context';
import { Scope } from '../scopes';
import { WebhookInput, WebhookPatch } from '../inputs/policy';
import { ConnectionConfigType } from '../types/connection-config';
import { PolicyType } from '../types/policy';
import { DeleteWebhookPayload, PatchWebhookPayload, PolicyWebhookType } from '../types/webhook';

const SET_WEBHOOKS_ERRORS =
  'NOT_FOUND for an unknown policy or connection; BAD_USER_INPUT for more than 50, a webhook without ' +
  'key and name, an invalid key or name, a key or name given twice, or a POSTGRES connection.';

@Resolver(() => PolicyWebhookType)
export class WebhookResolver {
  @Authorized(Scope.WEBHOOK_READ)
  @Query(() => PolicyWebhookType, {
    nullable: true,
    description: "One of a policy's webhooks; null when the policy or the webhook does not exist.",
  })
  webhook(
    @Ctx() { em }: Context,
    @Arg('policyKey', () => String, { description: "The policy's key." }) policyKey: string,
    @Arg('phase', () => WebhookPhase, { description: "The webhook's phase." }) phase: WebhookPhase,
    @Arg('key', () => String, { description: "The webhook's key within the policy and phase." }) key: string,
  ): Promise<WebhookView | null> {
    return findWebhook(em, policyKey, phase, key);
  }

  @Authorized(Scope.POLICY_READ)
  @FieldResolver(() => PolicyType, { description: 'The policy the webhook belongs to.' })
  policy(@Root() webhook: WebhookView, @Ctx() { loaders }: Context): Promise<PolicyView | null> {
    return loaders.policyById.load(webhook.policyId);
  }

  @Authorized(Scope.CONNECTION_READ)
  @FieldResolver(() => ConnectionConfigType, { description: 'The HTTPS connection the webhook calls.' })
  connectionConfig(@Root() webhook: WebhookView, @Ctx() { loaders }: Context): ConnectionConfigView | Promise<ConnectionConfigView | null> {
    return loaders.connectionsAtHand.get(webhook.connectionConfigId) ?? loaders.connectionById.load(webhook.connectionConfigId);
  }

  @Authorized(Scope.WEBHOOK_CREATE_OR_UPDATE)
  @Mutation(() => [PolicyWebhookType], {
    description:
      "Replace the policy's pre-execution webhooks with this ordered list (at most 50); absent ones are removed. " + SET_WEBHOOKS_ERRORS,
  })
  setPreWebhooks(
    @Ctx() { em }: Context,
    @Arg('policyKey', () => String, { description: "The policy's key." }) policyKey: string,
    @Arg('webhooks', () => [WebhookInput], { description: 'The whole phase, in order (at most 50); an empty list removes them all.' })
    webhooks: WebhookInput[],
  ): Promise<WebhookView[]> {
    return setWebhooks(em, policyKey, WebhookPhase.PRE_EXECUTION, webhooks);
  }

  @Authorized(Scope.WEBHOOK_CREATE_OR_UPDATE)
  @Mutation(() => [PolicyWebhookType], {
    description:
      "Replace the policy's post-execution webhooks with this ordered list (at most 50); absent ones are removed. " + SET_WEBHOOKS_ERRORS,
  })
  setPostWebhooks(
    @Ctx() { em }: Context,
    @Arg('policyKey', () => String, { description: "The policy's key." }) policyKey: string,
    @Arg('webhooks', () => [WebhookInput], { description: 'The whole phase, in order (at most 50); an empty list removes them all.' })
    webhooks: WebhookInput[],
  ): Promise<WebhookView[]> {
    return setWebhooks(em, policyKey, WebhookPhase.POST_EXECUTION, webhooks);
  }

  @Authorized(Scope.WEBHOOK_CREATE_OR_UPDATE)
  @Mutation(() => PatchWebhookPayload, {
    description:
      'Change one webhook and, with `order`, move it within its phase. NOT_FOUND for an unknown policy, webhook or ' +
      'connection; BAD_USER_INPUT for an order outside 0..n-1, an invalid name or a POSTGRES connection; CONFLICT for a name ' +
      'another webhook of the phase has.',
  })
  async patchWebhook(
    @Ctx() { em }: Context,
    @Arg('policyKey', () => String, { description: "The policy's key." }) policyKey: string,
    @Arg('phase', () => WebhookPhase, { description: "The webhook's phase." }) phase: WebhookPhase,
    @Arg('key', () => String, { description: "The webhook's key." }) key: string,
    @Arg('patch', () => WebhookPatch, { description: 'What to change.' }) patch: WebhookPatch,
  ): Promise<{ resource: WebhookView; newOrder: WebhookOrder[] }> {
    const { webhook, newOrder } = await patchWebhook(em, policyKey, phase, key, patch);
    return { resource: webhook, newOrder };
  }

  @Authorized(Scope.WEBHOOK_DELETE)
  @Mutation(() => DeleteWebhookPayload, {
    description: 'Delete one webhook; the later ones move up. Past deliveries keep their log. NOT_FOUND for an unknown policy or webhook.',
  })
  async deleteWebhook(
    @Ctx() { em }: Context,
    @Arg('policyKey', () => String, { description: "The policy's key." }) policyKey: string,
    @Arg('phase', () => WebhookPhase, { description: "The webhook's phase." }) phase: WebhookPhase,
    @Arg('key', () => String, { description: "The webhook's key." }) key: string,
  ): Promise<{ newOrder: WebhookOrder[] }> {
    return { newOrder: await deleteWebhook(em, policyKey, phase, key) };
  }
}
