import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Empty, ErrorMessage, Loading, NeedsScope, missingScope } from '../components/common';
import { SecretsForm } from '../components/SecretsForm';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { AccessLevel, ConnectionRowFragment, ConnectionType } from '../gql/graphql';

graphql(`
  fragment ConnectionRow on ConnectionConfig {
    key
    name
    connectionType
    access
    disabled
    description
    hasSecrets
    updatedAt
    health {
      consecutiveFailures
      lastSuccessAt
      lastFailureAt
      lastError
      attemptsLast24h
      failuresLast24h
    }
  }
`);

const ConnectionsQuery = graphql(`
  query ConsoleConnections {
    connectionConfigs(first: 200) {
      totalCount
      edges {
        node {
          ...ConnectionRow
        }
      }
    }
  }
`);

const UpsertConnection = graphql(`
  mutation ConsoleUpsertConnection($input: [ConnectionConfigInput!]!) {
    upsertConnectionConfigs(input: $input) {
      ...ConnectionRow
    }
  }
`);

const TestConnection = graphql(`
  mutation ConsoleTestConnection($key: String!) {
    testConnectionConfig(key: $key) {
      ok
      responseStatus
      durationMs
      error
    }
  }
`);

export function ConnectionsPage() {
  const [result, reexecute] = useQuery({ query: ConnectionsQuery, requestPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<string | null>(null);
  const page = result.data?.connectionConfigs;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <section aria-labelledby="connections-title">
      <h1 id="connections-title">Connections</h1>
      <ErrorMessage error={result.error} />
      {!page && result.fetching && <Loading what="connections" />}
      {page && page.edges.length === 0 && <Empty>No connections yet. Create one below, then give it secrets.</Empty>}
      {page?.edges.map(({ node }) => (
        <ConnectionCard
          key={node.key}
          connection={node as ConnectionRowFragment}
          editing={editing === node.key}
          onEdit={setEditing}
          onChanged={refresh}
        />
      ))}
      <NeedsScope scope="connection:create_or_update">
        {editing === 'new' ? (
          <ConnectionForm onDone={() => (setEditing(null), refresh())} onCancel={() => setEditing(null)} />
        ) : (
          <button type="button" onClick={() => setEditing('new')}>
            Create a connection
          </button>
        )}
      </NeedsScope>
    </section>
  );
}

function ConnectionCard(props: {
  connection: ConnectionRowFragment;
  editing: boolean;
  onEdit: (key: string | null) => void;
  onChanged: () => void;
}) {
  const c = props.connection;
  const [testState, test] = useMutation(TestConnection);
  const [showSecrets, setShowSecrets] = useState(false);
  const blocked = missingScope('connection:create_or_update');
  const result = testState.data?.testConnectionConfig;
  const h = c.health;
  const healthy = h.consecutiveFailures === 0;
  return (
    <article className="panel connection" aria-labelledby={`conn-${c.key}`} data-connection-key={c.key}>
      <header className="title-row">
        <h2 id={`conn-${c.key}`}>{c.name}</h2>
        <span className="badge">{c.connectionType.toLowerCase()}</span>
        <span className="badge">{c.access.toLowerCase()}</span>
        {c.disabled && <span className="badge status-canceled">disabled</span>}
        <span className={`badge ${healthy ? 'status-complete' : 'status-error'}`}>
          {h.attemptsLast24h === 0 && !h.lastSuccessAt && !h.lastFailureAt
            ? 'no calls yet'
            : healthy
              ? 'healthy'
              : `${h.consecutiveFailures} failing in a row`}
        </span>
      </header>
      <p className="muted">
        Key <code>{c.key}</code>. {c.hasSecrets ? 'Secrets are set (never shown).' : 'No secrets set yet.'} {c.description}
      </p>
      <dl className="facts inline-facts" aria-label={`Health of ${c.name}`}>
        <dt>Calls (24 h)</dt>
        <dd>{h.attemptsLast24h}</dd>
        <dt>Failures (24 h)</dt>
        <dd>{h.failuresLast24h}</dd>
        <dt>Last success</dt>
        <dd>{formatDate(h.lastSuccessAt)}</dd>
        <dt>Last failure</dt>
        <dd>{formatDate(h.lastFailureAt)}</dd>
        {h.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="reason">{h.lastError}</dd>
          </>
        )}
      </dl>
      {props.editing ? (
        <ConnectionForm initial={c} onDone={() => (props.onEdit(null), props.onChanged())} onCancel={() => props.onEdit(null)} />
      ) : blocked ? (
        <p className="muted">{blocked}</p>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => props.onEdit(c.key)}>
            Edit
          </button>
          <button type="button" onClick={() => setShowSecrets(!showSecrets)} aria-expanded={showSecrets}>
            {c.hasSecrets ? 'Replace secrets' : 'Set secrets'}
          </button>
          {c.connectionType === 'HTTPS' && (
            <button
              type="button"
              disabled={!c.hasSecrets || testState.fetching}
              title={c.hasSecrets ? undefined : 'Set secrets first.'}
              onClick={() => void test({ key: c.key })}
            >
              {testState.fetching ? 'Calling…' : 'Send test call'}
            </button>
          )}
        </div>
      )}
      {showSecrets && (
        <SecretsForm connectionKey={c.key} connectionType={c.connectionType} onSaved={() => (setShowSecrets(false), props.onChanged())} />
      )}
      <ErrorMessage error={testState.error} />
      {result && (
        <p className={result.ok ? 'success' : 'error'} role="status" aria-label="Test call result">
          {result.ok ? 'Test call succeeded' : 'Test call failed'}
          {result.responseStatus !== null && result.responseStatus !== undefined ? `: HTTP ${result.responseStatus}` : ''} in{' '}
          {result.durationMs} ms
          {result.error ? ` — ${result.error}` : ''}
        </p>
      )}
    </article>
  );
}

function ConnectionForm(props: { initial?: ConnectionRowFragment; onDone: () => void; onCancel: () => void }) {
  const [state, upsert] = useMutation(UpsertConnection);
  const [name, setName] = useState(props.initial?.name ?? '');
  const [key, setKey] = useState(props.initial?.key ?? '');
  const [connectionType, setType] = useState<ConnectionType>(props.initial?.connectionType ?? 'HTTPS');
  const [access, setAccess] = useState<AccessLevel>(props.initial?.access ?? 'READ');
  const [disabled, setDisabled] = useState(props.initial?.disabled ?? false);
  const [description, setDescription] = useState(props.initial?.description ?? '');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { key: key.trim() || null, name: name.trim(), connectionType, access, disabled, description: description.trim() || null };
    const answer = await upsert({ input: [input] });
    if (!answer.error) props.onDone();
  }
  return (
    <form className="panel" onSubmit={submit} aria-label={props.initial ? `Edit ${props.initial.name}` : 'New connection'}>
      <div className="fields">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        </label>
        <label>
          Key {props.initial ? '' : '(optional, derived from the name)'}
          <input value={key} onChange={(e) => setKey(e.target.value)} readOnly={!!props.initial} />
        </label>
        <label>
          Type
          <select value={connectionType} onChange={(e) => setType(e.target.value as ConnectionType)}>
            <option value="HTTPS">HTTPS</option>
            <option value="POSTGRES">PostgreSQL</option>
          </select>
        </label>
        <label>
          Access
          <select value={access} onChange={(e) => setAccess(e.target.value as AccessLevel)}>
            <option value="READ">read</option>
            <option value="WRITE">write</option>
          </select>
        </label>
        <label>
          Description
          <input value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} />
          Disabled
        </label>
      </div>
      <ErrorMessage error={state.error} />
      <div className="actions">
        <button type="submit" disabled={state.fetching}>
          {props.initial ? 'Save connection' : 'Create connection'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
