import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { Empty, ErrorMessage, Loading, NeedsScope } from '../components/common';
import { graphql } from '../gql';

const PoliciesQuery = graphql(`
  query ConsolePolicies {
    policies(first: 200) {
      totalCount
      edges {
        node {
          key
          name
          preWebhooks {
            key
          }
          postWebhooks {
            key
          }
        }
      }
    }
  }
`);

const UpsertPolicy = graphql(`
  mutation ConsoleUpsertPolicy($input: [PolicyInput!]!) {
    upsertPolicies(input: $input) {
      key
      name
    }
  }
`);

export function PoliciesPage() {
  const [result] = useQuery({ query: PoliciesQuery, requestPolicy: 'cache-and-network' });
  const page = result.data?.policies;
  return (
    <section aria-labelledby="policies-title">
      <h1 id="policies-title">Policies</h1>
      <ErrorMessage error={result.error} />
      {!page && result.fetching && <Loading what="policies" />}
      {page && page.edges.length === 0 && <Empty>No policies yet. Create the first one below.</Empty>}
      {page && page.edges.length > 0 && (
        <table className="grid">
          <caption>
            {page.totalCount} polic{page.totalCount === 1 ? 'y' : 'ies'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Before execution</th>
              <th scope="col">After execution</th>
            </tr>
          </thead>
          <tbody>
            {page.edges.map(({ node }) => (
              <tr key={node.key}>
                <td>
                  <Link href={`/policies/${encodeURIComponent(node.key)}`}>{node.name}</Link>
                </td>
                <td>
                  <code>{node.key}</code>
                </td>
                <td>{node.preWebhooks.length} webhooks</td>
                <td>{node.postWebhooks.length} webhooks</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NeedsScope scope="policy:create_or_update">
        <CreatePolicyForm />
      </NeedsScope>
    </section>
  );
}

function CreatePolicyForm() {
  const [state, upsert] = useMutation(UpsertPolicy);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [, navigate] = useLocation();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await upsert({ input: [{ name: name.trim(), key: key.trim() || null }] });
    const created = answer.data?.upsertPolicies[0];
    if (created) navigate(`/policies/${encodeURIComponent(created.key)}`);
  }
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="create-policy-title">
      <h2 id="create-policy-title">Create a policy</h2>
      <div className="fields">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          Key (optional, derived from the name)
          <input value={key} onChange={(e) => setKey(e.target.value)} pattern="[a-zA-Z0-9_.\-]+" />
        </label>
      </div>
      <ErrorMessage error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Create policy
      </button>
    </form>
  );
}
