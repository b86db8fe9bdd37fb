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

@Resolver(() => PolicyWebhookType)
export class WebhookResolver {
  @Authorized(Scope.WEBHOOK_READ)
  @Query(() => PolicyWebhookType, { nullable: true })
  webhook(
    @Ctx() { em }: Context,
    @Arg('policyKey', () => String) policyKey: string,
    @Arg('phase', () => WebhookPhase) phase: WebhookPhase,
    @Arg('key', () => String) key: string,
  ): Promise<WebhookView | null> {
    return findWebhook(em, policyKey, phase, key);
  }

  @Authorized(Scope.POLICY_READ)
  @FieldResolver(() => PolicyType)
  policy(@Root() webhook: WebhookView, @Ctx() { loaders }: Context): Promise<PolicyView | null> {
    return loaders.policyById.load(webhook.policyId);
  }

  @Authorized(Scope.CONNECTION_READ)
  @FieldResolver(() => ConnectionConfigType)
  connectionConfig(@Root() webhook: WebhookView, @Ctx() { loaders }: Context): ConnectionConfigView | Promise<ConnectionConfigView | null> {
    return loaders.connectionsAtHand.get(webhook.connectionConfigId) ?? loaders.connectionById.load(webhook.connectionConfigId);
  }

  @Authorized(Scope.WEBHOOK_CREATE_OR_UPDATE)
  @Mutation(() => [PolicyWebhookType], {
    description: "Replace the policy's pre-execution webhooks with this ordered list (at most 50); absent ones are removed.",
  })
  setPreWebhooks(
    @Ctx() { em }: Context,
    @Arg('policyKey', () => String) policyKey: string,
    @Arg('webhooks', () => [WebhookInput]) webhooks: WebhookInput[],
  ): Promise<WebhookView[]> {
    return setWebhooks(em, policyKey, WebhookPhase.PRE_EXECUTION, webhooks);
  }

  @Authorized(Scope.WEBHOOK_CREATE_OR_UPDATE)
  @Mutation(() => [PolicyWebhookType], {
    description: "Replace the policy's post-execution webhooks with this ordered list (at most 50); absent ones are removed.",
  })
  setPostWebhooks(
    @Ctx() { em }: Context,
    @Arg('policyKey', () => String) policyKey: string,
    @Arg('webhooks', () => [WebhookInput]) webhooks: WebhookInput[],
  ): Promise<WebhookView[]> {
    return setWebhooks(em, policyKey, WebhookPhase.POST_EXECUTION, webhooks);
  }

  @Authorized(Scope.WEBHOOK_CREATE_OR_UPDATE)
  @Mutation(() => PatchWebhookPayload)
  async patchWebhook(
    @Ctx() { em }: Context,
    @Arg('policyKey', () => String) policyKey: string,
    @Arg('phase', () => WebhookPhase) phase: WebhookPhase,
    @Arg('key', () => String) key: string,
    @Arg('patch', () => WebhookPatch) patch: WebhookPatch,
  ): Promise<{ resource: WebhookView; newOrder: WebhookOrder[] }> {
    const { webhook, newOrder } = await patchWebhook(em, policyKey, phase, key, patch);
    return { resource: webhook, newOrder };
  }

  @Authorized(Scope.WEBHOOK_DELETE)
  @Mutation(() => DeleteWebhookPayload)
  async deleteWebhook(
    @Ctx() { em }: Context,
    @Arg('policyKey', () => String) policyKey: string,
    @Arg('phase', () => WebhookPhase) phase: WebhookPhase,
    @Arg('key', () => String) key: string,
  ): Promise<{ newOrder: WebhookOrder[] }> {
    return { newOrder: await deleteWebhook(em, policyKey, phase, key) };
  }
}
