import { useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { Link } from 'wouter';
import { ConfirmDialog, ErrorMessage, Loading, missingScope, StatusBadge } from '../components/common';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { RequestDetailFragment } from '../gql/graphql';

graphql(`
  fragment RequestDetail on PrivacyRequest {
    id
    externalId
    status
    policy {
      key
      name
    }
    identity {
      email
      phoneNumber
    }
    failedStep
    failedWebhook {
      key
      name
    }
    failureReason
    cancelReason
    createdAt
    startedAt
    pausedAt
    finishedAt
    chain {
      phase
      position
      webhookKey
      webhook {
        key
        name
        direction
      }
    }
    deliveries {
      id
      phase
      webhookKey
      attempt
      outcome
      responseStatus
      error
      durationMs
      createdAt
      webhook {
        key
        name
        direction
      }
    }
  }
`);

const RequestQuery = graphql(`
  query ConsoleRequest($id: ID!) {
    privacyRequest(id: $id) {
      ...RequestDetail
    }
  }
`);

const RequestUpdated = graphql(`
  subscription ConsoleRequestUpdated($id: ID!) {
    privacyRequestUpdated(id: $id) {
      ...RequestDetail
    }
  }
`);

const Retry = graphql(`
  mutation ConsoleRetryRequest($id: ID!) {
    retryPrivacyRequest(id: $id) {
      ...RequestDetail
    }
  }
`);

const Cancel = graphql(`
  mutation ConsoleCancelRequest($id: ID!, $reason: String) {
    cancelPrivacyRequest(id: $id, reason: $reason) {
      ...RequestDetail
    }
  }
`);

export function RequestPage({ id }: { id: string }) {
  const [result] = useQuery({ query: RequestQuery, variables: { id } });
  const [live] = useSubscription({ query: RequestUpdated, variables: { id } });
  const request = (live.data?.privacyRequestUpdated ?? result.data?.privacyRequest) as RequestDetailFragment | null | undefined;

  if (result.fetching && !request) return <Loading what="the request" />;
  if (result.error && !request) return <ErrorMessage error={result.error} />;
  if (!request) {
    return (
      <section>
        <h1>Request not found</h1>
        <p>
          No privacy request has the id {id}. <Link href="/">Back to the requests.</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="request-title">
      <p>
        <Link href="/">← Requests</Link>
      </p>
      <div className="title-row">
        <h1 id="request-title">Request {request.externalId ?? request.id.slice(0, 8)}</h1>
        <StatusBadge status={request.status} />
      </div>
      <RequestActions request={request} />
      {request.failureReason && (
        <p className="failure" role="note">
          <strong>
            Failed{request.failedStep ? ` at ${request.failedStep.replace(/_/g, ' ').toLowerCase()}` : ''}
            {request.failedWebhook ? ` (${request.failedWebhook.name})` : ''}:
          </strong>{' '}
          {request.failureReason}
        </p>
      )}
      <div className="columns">
        <dl className="facts" aria-label="Request">
          <dt>Id</dt>
          <dd>
            <code>{request.id}</code>
          </dd>
          <dt>Policy</dt>
          <dd>
            <Link href={`/policies/${encodeURIComponent(request.policy.key)}`}>{request.policy.name}</Link>
          </dd>
          <dt>Email</dt>
          <dd>{request.identity.email ?? '—'}</dd>
          <dt>Phone number</dt>
          <dd>{request.identity.phoneNumber ?? '—'}</dd>
        </dl>
        <ol className="history" aria-label="Status history">
          <li>Created {formatDate(request.createdAt)}</li>
          {request.startedAt && <li>Started {formatDate(request.startedAt)}</li>}
          {request.pausedAt && <li>Paused {formatDate(request.pausedAt)}</li>}
          {request.finishedAt && (
            <li>
              {request.status === 'COMPLETE' ? 'Completed' : request.status === 'CANCELED' ? 'Canceled' : 'Failed'}{' '}
              {formatDate(request.finishedAt)}
              {request.cancelReason ? `: ${request.cancelReason}` : ''}
            </li>
          )}
        </ol>
      </div>
      <Timeline request={request} />
    </section>
  );
}

function RequestActions({ request }: { request: RequestDetailFragment }) {
  const [retryState, retry] = useMutation(Retry);
  const [cancelState, cancel] = useMutation(Cancel);
  const [asking, setAsking] = useState<'retry' | 'cancel' | null>(null);
  const [reason, setReason] = useState('');
  const canRetry = request.status === 'ERROR';
  const canCancel = request.status === 'PENDING' || request.status === 'PAUSED';
  const retryBlocked = missingScope('privacy-request:review');
  const cancelBlocked = missingScope('privacy-request:review');
  if (!canRetry && !canCancel) return null;
  return (
    <div className="actions">
      {canRetry && (
        <button type="button" disabled={!!retryBlocked} title={retryBlocked} onClick={() => setAsking('retry')}>
          Retry
        </button>
      )}
      {canCancel && (
        <button type="button" className="danger" disabled={!!cancelBlocked} title={cancelBlocked} onClick={() => setAsking('cancel')}>
          Cancel request
        </button>
      )}
      {(retryBlocked || cancelBlocked) && <span className="muted">{retryBlocked ?? cancelBlocked}</span>}
      <ErrorMessage error={retryState.error ?? cancelState.error} />
      <ConfirmDialog
        open={asking === 'retry'}
        title="Retry this request?"
        confirmLabel="Retry"
        onClose={() => setAsking(null)}
        onConfirm={() => {
          setAsking(null);
          void retry({ id: request.id });
        }}
      >
        <p>It runs again from {request.failedWebhook ? `the webhook “${request.failedWebhook.name}”` : 'the step where it failed'}.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'cancel'}
        title="Cancel this request?"
        confirmLabel="Cancel request"
        onClose={() => setAsking(null)}
        onConfirm={() => {
          setAsking(null);
          void cancel({ id: request.id, reason: reason.trim() || null });
        }}
      >
        <label>
          Reason
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      </ConfirmDialog>
    </div>
  );
}

type Delivery = RequestDetailFragment['deliveries'][number];

const PHASES = [
  { phase: 'PRE_EXECUTION', title: 'Before execution' },
  { phase: 'POST_EXECUTION', title: 'After execution' },
] as const;

/** The chain the request runs, in order, each webhook with every attempt made for it. */
function Timeline({ request }: { request: RequestDetailFragment }) {
  const attemptsOf = (phase: string, key: string): Delivery[] =>
    request.deliveries.filter((d) => d.phase === phase && d.webhookKey === key);
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Chain</h2>
      {request.chain.length === 0 && (
        <p className="empty">
          {request.status === 'PENDING' ? 'The chain is fixed when a worker picks the request up.' : 'This request ran no webhooks.'}
        </p>
      )}
      {PHASES.map(({ phase, title }) => {
        const steps = request.chain.filter((step) => step.phase === phase);
        if (steps.length === 0) return null;
        return (
          <table className="grid timeline" key={phase}>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Webhook</th>
                <th scope="col">Direction</th>
                <th scope="col">Attempt</th>
                <th scope="col">Outcome</th>
                <th scope="col">HTTP</th>
                <th scope="col">Duration</th>
                <th scope="col">Error</th>
                <th scope="col">At</th>
              </tr>
            </thead>
            <tbody>
              {steps.flatMap((step) => {
                const attempts = attemptsOf(phase, step.webhookKey);
                const label = step.webhook?.name ?? `${step.webhookKey} (deleted)`;
                const direction = step.webhook ? step.webhook.direction.replace('_', '-').toLowerCase() : '—';
                if (attempts.length === 0) {
                  return [
                    <tr key={step.webhookKey} className="not-called">
                      <td>{step.position + 1}</td>
                      <td>{label}</td>
                      <td>{direction}</td>
                      <td colSpan={6} className="muted">
                        not called yet
                      </td>
                    </tr>,
                  ];
                }
                return attempts.map((d, i) => (
                  <tr key={d.id} className={`outcome-${d.outcome.toLowerCase()}`}>
                    <td>{i === 0 ? step.position + 1 : ''}</td>
                    <td>{i === 0 ? label : ''}</td>
                    <td>{i === 0 ? direction : ''}</td>
                    <td>{d.attempt}</td>
                    <td>
                      <span className={`badge outcome-${d.outcome.toLowerCase()}`}>{d.outcome.toLowerCase()}</span>
                    </td>
                    <td>{d.responseStatus ?? '—'}</td>
                    <td>{d.durationMs} ms</td>
                    <td className="reason">{d.error ?? ''}</td>
                    <td>{formatDate(d.createdAt)}</td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}
