import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { Link } from 'wouter';
import { Empty, ErrorMessage, Loading, NeedsScope, StatusBadge } from '../components/common';
import { formatDate, maskIdentity } from '../format';
import { graphql } from '../gql';
import type { PrivacyRequestStatus } from '../gql/graphql';

const PAGE_SIZE = 25;
const STATUSES: PrivacyRequestStatus[] = ['PENDING', 'IN_PROCESSING', 'PAUSED', 'COMPLETE', 'ERROR', 'CANCELED'];

const RequestsQuery = graphql(`
  query ConsoleRequests($status: PrivacyRequestStatus, $first: Int, $after: String) {
    privacyRequests(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          externalId
          policy {
            key
            name
          }
          identity {
            email
            phoneNumber
          }
          failureReason
          createdAt
          finishedAt
        }
      }
    }
  }
`);

const RequestsChanged = graphql(`
  subscription ConsoleRequestsChanged {
    privacyRequestsChanged {
      id
      status
    }
  }
`);

export function RequestsPage() {
  const [status, setStatus] = useState<PrivacyRequestStatus | ''>('');
  // Cursors of the pages before this one, so "Previous" goes back the way we came.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [result, reexecute] = useQuery({
    query: RequestsQuery,
    variables: { status: status || null, first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  useLiveRefresh(() => reexecute({ requestPolicy: 'network-only' }));
  const page = result.data?.privacyRequests;

  return (
    <section aria-labelledby="requests-title">
      <div className="title-row">
        <h1 id="requests-title">Privacy requests</h1>
        <label className="inline">
          Status
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as PrivacyRequestStatus | '');
              setCursors([null]);
            }}
          >
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace(/_/g, ' ').toLowerCase()}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={result.error} />
      {!page && result.fetching && <Loading what="requests" />}
      {page && page.edges.length === 0 && <Empty>No privacy requests{status ? ' with this status' : ''} yet.</Empty>}
      {page && page.edges.length > 0 && (
        <table className="grid" aria-describedby="requests-count">
          <caption id="requests-count">
            {page.totalCount} request{page.totalCount === 1 ? '' : 's'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Status</th>
              <th scope="col">Policy</th>
              <th scope="col">Identity</th>
              <th scope="col">Created</th>
              <th scope="col">Finished</th>
              <th scope="col">Failure</th>
            </tr>
          </thead>
          <tbody>
            {page.edges.map(({ node }) => (
              <tr key={node.id} data-request-id={node.id}>
                <td>
                  <Link href={`/requests/${node.id}`}>{node.externalId ?? node.id.slice(0, 8)}</Link>
                </td>
                <td>
                  <StatusBadge status={node.status} />
                </td>
                <td>{node.policy.name}</td>
                <td>{maskIdentity(node.identity)}</td>
                <td>{formatDate(node.createdAt)}</td>
                <td>{formatDate(node.finishedAt)}</td>
                <td className="reason">{node.failureReason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && (cursors.length > 1 || page.pageInfo.hasNextPage) && (
        <nav className="pager" aria-label="Pages">
          <button type="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
            Previous page
          </button>
          <span>Page {cursors.length}</span>
          <button
            type="button"
            disabled={!page.pageInfo.hasNextPage}
            onClick={() => setCursors([...cursors, page.pageInfo.endCursor ?? null])}
          >
            Next page
          </button>
        </nav>
      )}
      <NeedsScope scope="privacy-request:create">
        <CreateRequestForm onCreated={() => reexecute({ requestPolicy: 'network-only' })} />
      </NeedsScope>
    </section>
  );
}

/** Re-reads the list when any request changes, at most every 500 ms (bursts coalesce). */
function useLiveRefresh(refresh: () => void) {
  const [event] = useSubscription({ query: RequestsChanged });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (!event.data || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, 500);
  }, [event.data]);
  useEffect(() => () => clearTimeout(timer.current), []);
}

const PolicyKeysQuery = graphql(`
  query ConsolePolicyKeys {
    policies(first: 200) {
      edges {
        node {
          key
          name
        }
      }
    }
  }
`);

const CreateRequests = graphql(`
  mutation ConsoleCreateRequest($input: [PrivacyRequestInput!]!) {
    createPrivacyRequests(input: $input) {
      id
      status
    }
  }
`);

function CreateRequestForm({ onCreated }: { onCreated: () => void }) {
  const [policies] = useQuery({ query: PolicyKeysQuery });
  const [state, create] = useMutation(CreateRequests);
  const [policyKey, setPolicyKey] = useState('');
  const [email, setEmail] = useState('');
  const [phoneNumber, setPhoneNumber] = useState('');
  const [externalId, setExternalId] = useState('');
  const [created, setCreated] = useState<string | undefined>();
  const options = policies.data?.policies.edges.map((e) => e.node) ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const identity = { email: email.trim() || null, phoneNumber: phoneNumber.trim() || null };
    const answer = await create({ input: [{ policyKey: policyKey || options[0]?.key, identity, externalId: externalId.trim() || null }] });
    const id = answer.data?.createPrivacyRequests[0]?.id;
    if (id) {
      setCreated(id);
      setEmail('');
      setPhoneNumber('');
      setExternalId('');
      onCreated();
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="create-request-title">
      <h2 id="create-request-title">Create a request</h2>
      <p className="muted">Runs the policy's chain now, to try it.</p>
      <div className="fields">
        <label>
          Policy
          <select value={policyKey || options[0]?.key || ''} onChange={(e) => setPolicyKey(e.target.value)} required>
            {options.length === 0 && <option value="">No policies yet</option>}
            {options.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name} ({p.key})
              </option>
            ))}
          </select>
        </label>
        <label>
          Email
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Phone number
          <input value={phoneNumber} onChange={(e) => setPhoneNumber(e.target.value)} />
        </label>
        <label>
          External id (optional)
          <input value={externalId} onChange={(e) => setExternalId(e.target.value)} />
        </label>
      </div>
      <ErrorMessage error={state.error} />
      {created && (
        <p role="status">
          Created <Link href={`/requests/${created}`}>request {created.slice(0, 8)}</Link>.
        </p>
      )}
      <button type="submit" disabled={state.fetching || options.length === 0}>
        Create request
      </button>
    </form>
  );
}
