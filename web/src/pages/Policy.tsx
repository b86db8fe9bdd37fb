import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Link } from 'wouter';
import { ErrorMessage, Loading } from '../components/common';
import { WebhookChain } from '../components/WebhookChain';
import { graphql } from '../gql';
import type { PolicyChainsFragment } from '../gql/graphql';

export const PolicyChains = graphql(`
  fragment PolicyChains on Policy {
    key
    name
    preWebhooks {
      ...ChainWebhook
    }
    postWebhooks {
      ...ChainWebhook
    }
  }
`);

graphql(`
  fragment ChainWebhook on PolicyWebhook {
    id
    key
    name
    order
    phase
    direction
    required
    connectionConfig {
      key
      name
    }
  }
`);

const PolicyQuery = graphql(`
  query ConsolePolicy($key: String!) {
    policy(key: $key) {
      ...PolicyChains
    }
    connectionConfigs(first: 200) {
      edges {
        node {
          key
          name
        }
      }
    }
  }
`);

const PolicyChanged = graphql(`
  subscription ConsolePolicyWebhooksChanged($policyKey: String!) {
    policyWebhooksChanged(policyKey: $policyKey) {
      ...PolicyChains
    }
  }
`);

export function PolicyPage({ policyKey }: { policyKey: string }) {
  const [result, reexecute] = useQuery({ query: PolicyQuery, variables: { key: policyKey }, requestPolicy: 'cache-and-network' });
  const [live] = useSubscription({ query: PolicyChanged, variables: { policyKey } });
  // The newest of: the query's answer, a change made elsewhere (live), or our own mutation's answer.
  const [policy, setPolicy] = useState<PolicyChainsFragment | null | undefined>();
  useEffect(() => setPolicy(result.data?.policy as PolicyChainsFragment | null | undefined), [result.data]);
  useEffect(() => {
    if (live.data) setPolicy(live.data.policyWebhooksChanged as PolicyChainsFragment);
  }, [live.data]);

  if (policy === undefined && result.fetching) return <Loading what="the policy" />;
  if (policy === undefined && result.error) return <ErrorMessage error={result.error} />;
  if (!policy) {
    return (
      <section>
        <h1>Policy not found</h1>
        <p>
          No policy has the key {policyKey}. <Link href="/policies">Back to the policies.</Link>
        </p>
      </section>
    );
  }
  const connections = result.data?.connectionConfigs.edges.map((e) => e.node) ?? [];
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <section aria-labelledby="policy-title">
      <p>
        <Link href="/policies">← Policies</Link>
      </p>
      <h1 id="policy-title">{policy.name}</h1>
      <p className="muted">
        Key <code>{policy.key}</code>. Drag a webhook (or focus its handle, press Space, move with the arrow keys, Space again) to change
        the order; requests already running keep the chain they started with.
      </p>
      <div className="chains">
        <WebhookChain
          policyKey={policy.key}
          phase="PRE_EXECUTION"
          title="Before execution"
          webhooks={policy.preWebhooks}
          connections={connections}
          onChanged={refresh}
        />
        <WebhookChain
          policyKey={policy.key}
          phase="POST_EXECUTION"
          title="After execution"
          webhooks={policy.postWebhooks}
          connections={connections}
          onChanged={refresh}
        />
      </div>
    </section>
  );
}
