import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { deletePolicy, findPolicyByKey, findPolicyWithWebhooksByKey, listPolicies, upsertPolicies } from '../../domain/policies';
import type { PolicyView, WebhookView } from '../../domain/views';
import type { Context } from '../context';
import { Scope } from '../scopes';
import { selectsField } from '../selection';
import { PolicyInput } from '../inputs/policy';
import { PageArgs, selectsTotalCount, toConnection } from '../types/page';
import { PolicyConnection, PolicyType } from '../types/policy';
import { PolicyWebhookType } from '../types/webhook';

@Resolver(() => PolicyType)
export class PolicyResolver {
  @Authorized(Scope.POLICY_READ)
  @Query(() => PolicyConnection, { description: 'All policies, ordered by key.' })
  policies(@Ctx() { em }: Context, @Args() page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return listPolicies(em, { ...page, withCount: selectsTotalCount(info) }).then((found) => toConnection(found, (p) => p.key));
  }

  @Authorized(Scope.POLICY_READ)
  @Query(() => PolicyType, { nullable: true, description: 'The policy with this key; null when there is none.' })
  async policy(
    @Ctx() { em, loaders }: Context,
    @Arg('key', () => String, { description: "The policy's key." }) key: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PolicyView | null> {
    if (!selectsField(info, 'preWebhooks', 'postWebhooks')) return findPolicyByKey(em, key);
    const found = await findPolicyWithWebhooksByKey(em, key);
    if (found) loaders.primePolicyWebhooks(found);
    return found?.policy ?? null;
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
  @Mutation(() => [PolicyType], {
    description:
      'Create or update by key, at most 50 at once, all-or-nothing; returns them in input order. BAD_USER_INPUT for ' +
      'more than 50, an invalid key or name, or a key or name given twice; CONFLICT for a name another policy holds.',
  })
  upsertPolicies(
    @Ctx() { em }: Context,
    @Arg('input', () => [PolicyInput], { description: 'The policies to create or update (at most 50).' }) input: PolicyInput[],
  ): Promise<PolicyView[]> {
    return upsertPolicies(em, input);
  }

  @Authorized(Scope.POLICY_DELETE)
  @Mutation(() => Boolean, { description: 'Deletes the policy and its webhooks; true when done. NOT_FOUND for an unknown key.' })
  deletePolicy(@Ctx() { em }: Context, @Arg('key', () => String, { description: "The policy's key." }) key: string): Promise<boolean> {
    return deletePolicy(em, key);
  }
}
