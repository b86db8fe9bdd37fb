import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { deletePolicy, findPolicyByKey, listPolicies, upsertPolicies } from '../../domain/policies';
import type { PolicyView, WebhookView } from '../../domain/views';
import type { Context } from '../context';
import { Scope } from '../scopes';
import { PolicyInput } from '../inputs/policy';
import { toConnection } from '../types/page';
import { PolicyConnection, PolicyType } from '../types/policy';
import { PolicyWebhookType } from '../types/webhook';

@Resolver(() => PolicyType)
export class PolicyResolver {
  @Authorized(Scope.POLICY_READ)
  @Query(() => PolicyConnection)
  policies(
    @Ctx() { em }: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return listPolicies(em, { first, after }).then((page) => toConnection(page, (p) => p.key));
  }

  @Authorized(Scope.POLICY_READ)
  @Query(() => PolicyType, { nullable: true })
  policy(@Ctx() { em }: Context, @Arg('key', () => String) key: string): Promise<PolicyView | null> {
    return findPolicyByKey(em, key);
  }

  @Authorized(Scope.WEBHOOK_READ)
  @FieldResolver(() => [PolicyWebhookType], { description: 'Run in this order before a privacy request executes.' })
  async preWebhooks(@Root() policy: PolicyView, @Ctx() { loaders }: Context): Promise<WebhookView[]> {
    return (await loaders.webhooksByPolicyId.load(policy.id)).pre;
  }

  @Authorized(Scope.WEBHOOK_READ)
  @FieldResolver(() => [PolicyWebhookType], { description: 'Run in this order after a privacy request executes.' })
  async postWebhooks(@Root() policy: PolicyView, @Ctx() { loaders }: Context): Promise<WebhookView[]> {
    return (await loaders.webhooksByPolicyId.load(policy.id)).post;
  }

  @Authorized(Scope.POLICY_CREATE_OR_UPDATE)
  @Mutation(() => [PolicyType])
  upsertPolicies(@Ctx() { em }: Context, @Arg('input', () => [PolicyInput]) input: PolicyInput[]): Promise<PolicyView[]> {
    return upsertPolicies(em, input);
  }

  @Authorized(Scope.POLICY_DELETE)
  @Mutation(() => Boolean, { description: 'Deletes the policy and its webhooks.' })
  deletePolicy(@Ctx() { em }: Context, @Arg('key', () => String) key: string): Promise<boolean> {
    return deletePolicy(em, key);
  }
}
