import { Arg, Authorized, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { PrivacyRequestStatus } from '../../domain/enums';
import { NotFoundError } from '../../domain/errors';
import { findPolicyByKey } from '../../domain/policies';
import { truncate } from '../../domain/keys';
import * as requests from '../../domain/privacy-request';
import type { PrivacyRequestView } from '../../domain/privacy-request';
import type { PolicyView } from '../../domain/views';
import { requireScope } from '../auth';
import type { Context, LiveServices } from '../context';
import { Scope } from '../scopes';
import type { PolicyEvent, RequestEvent } from '../subscriptions/change-feed';
import { webSocketOnly } from '../subscriptions/operations';
import { PolicyType } from '../types/policy';
import { PrivacyRequestType } from '../types/privacy-request';

type SubscribeData = SubscribeResolverData<unknown, Record<string, unknown>, Context>;

/**
 * Live updates over WebSocket (graphql-transport-ws at /graphql). Each field checks the scopes
 * of the query it mirrors; its events come from the process's ChangeFeed, fed by PostgreSQL
 * NOTIFY, so changes made by any process arrive.
 */
@Resolver()
export class SubscriptionResolver {
  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @Subscription(() => PrivacyRequestType, {
    description: 'The request now, then again after every change of its status, identity or deliveries.',
    subscribe: ({ args, context }: SubscribeData) => watchRequest(context, String(args.id)),
  })
  privacyRequestUpdated(
    @Root() event: RequestEvent,
    @Arg('id', () => ID, { description: 'The privacy request to follow.' }) _id: string,
  ): PrivacyRequestView {
    return event.value;
  }

  @Authorized(Scope.PRIVACY_REQUEST_READ)
  @Subscription(() => PrivacyRequestType, {
    description: 'Every request whose status changes; only those entering `status` when it is given.',
    subscribe: ({ args, context }: SubscribeData) =>
      live(context).feed.watchStatusChanges((args.status as string | null) ?? null, live(context).limits),
  })
  privacyRequestsChanged(
    @Root() event: RequestEvent,
    @Arg('status', () => PrivacyRequestStatus, { nullable: true, description: 'Only requests entering this status.' })
    _status: PrivacyRequestStatus | null,
  ): PrivacyRequestView {
    return event.value;
  }

  @Authorized(Scope.POLICY_READ)
  @Subscription(() => PolicyType, {
    description:
      'The policy after every change of its pre- or post-execution webhooks (set, patch, delete). Needs policy:read and webhook:read.',
    subscribe: ({ args, context }: SubscribeData) => watchPolicyWebhooks(context, String(args.policyKey)),
  })
  policyWebhooksChanged(
    @Root() event: PolicyEvent,
    @Arg('policyKey', () => String, { description: 'The policy to follow.' }) _policyKey: string,
  ): PolicyView {
    return event.value;
  }
}

function live(context: Context): LiveServices {
  if (context.live) return context.live;
  throw webSocketOnly();
}

/** Registered before the current state is read, so no change between the two is missed. */
async function watchRequest(context: Context, id: string) {
  const { feed, limits } = live(context);
  const watch = feed.watchRequest(id, limits);
  const { events } = watch;
  try {
    const view = await requests.find(context.em, id);
    if (!view) throw new NotFoundError(`privacy request "${truncate(id)}" does not exist`);
    watch.sendInitial(view);
    return events;
  } catch (err) {
    await events.return();
    throw err;
  }
}

async function watchPolicyWebhooks(context: Context, policyKey: string) {
  // The webhooks are what this subscription is about: it needs their scope as well as the policy's.
  requireScope(context, Scope.WEBHOOK_READ);
  const { feed, limits } = live(context);
  const policy = await findPolicyByKey(context.em, policyKey);
  if (!policy) throw new NotFoundError(`policy "${truncate(policyKey)}" does not exist`);
  return feed.watchPolicyWebhooks(policy.id, limits);
}
