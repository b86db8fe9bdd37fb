import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { getSession } from '../auth';
import { ConfirmDialog, Empty, ErrorMessage, Loading, NeedsScope } from '../components/common';
import { formatDate } from '../format';
import { graphql } from '../gql';

const ClientsQuery = graphql(`
  query ConsoleApiClients {
    apiClients {
      clientId
      scopes
      createdAt
      revokedAt
    }
  }
`);

const RevokeClient = graphql(`
  mutation ConsoleRevokeApiClient($clientId: String!) {
    revokeApiClient(clientId: $clientId) {
      clientId
      revokedAt
    }
  }
`);

const CreateClient = graphql(`
  mutation ConsoleCreateApiClient($scopes: [String!]!) {
    createApiClient(scopes: $scopes) {
      clientId
      clientSecret
      scopes
    }
  }
`);

export function ApiClientsPage() {
  const [created, setCreated] = useState(0); // remounts the list so a new client shows
  return (
    <section aria-labelledby="clients-title">
      <h1 id="clients-title">API clients</h1>
      <p className="muted">A client signs in with its id and secret (OAuth 2.0 client credentials) and gets tokens with its scopes.</p>
      <NeedsScope scope="client:admin">
        <ClientList key={created} />
      </NeedsScope>
      <NeedsScope scope="client:create">
        <CreateClientForm onCreated={() => setCreated((n) => n + 1)} />
      </NeedsScope>
    </section>
  );
}

function ClientList() {
  const [result, reexecute] = useQuery({ query: ClientsQuery, requestPolicy: 'cache-and-network' });
  const [revokeState, revoke] = useMutation(RevokeClient);
  const [revoking, setRevoking] = useState<string | null>(null);
  const clients = result.data?.apiClients;
  return (
    <>
      <ErrorMessage error={result.error ?? revokeState.error} />
      {!clients && result.fetching && <Loading what="API clients" />}
      {clients && clients.length === 0 && <Empty>No API clients yet.</Empty>}
      {clients && clients.length > 0 && (
        <table className="grid">
          <caption>{clients.length} API clients (the root client is not listed)</caption>
          <thead>
            <tr>
              <th scope="col">Client id</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((c) => (
              <tr key={c.clientId}>
                <td>
                  <code>{c.clientId}</code>
                </td>
                <td>{c.scopes.join(', ')}</td>
                <td>{formatDate(c.createdAt)}</td>
                <td>
                  {c.revokedAt ? (
                    `revoked ${formatDate(c.revokedAt)}`
                  ) : (
                    <button
                      type="button"
                      className="link danger"
                      onClick={() => setRevoking(c.clientId)}
                      aria-label={`Revoke ${c.clientId}`}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this client?"
        confirmLabel="Revoke client"
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          const clientId = revoking!;
          setRevoking(null);
          void revoke({ clientId }).then(() => reexecute({ requestPolicy: 'network-only' }));
        }}
      >
        <p>Its secret stops working at once and its access tokens within a few seconds. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}

function CreateClientForm({ onCreated }: { onCreated: () => void }) {
  // A client can grant only the scopes it holds itself.
  const grantable = getSession()?.scopes ?? [];
  const [chosen, setChosen] = useState<string[]>([]);
  const [state, create] = useMutation(CreateClient);
  const [copied, setCopied] = useState(false);
  const created = state.data?.createApiClient;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setCopied(false);
    await create({ scopes: chosen });
    onCreated();
  }
  return (
    <>
      <form className="panel" onSubmit={submit} aria-labelledby="create-client-title">
        <h2 id="create-client-title">Create a client</h2>
        <fieldset>
          <legend>Scopes</legend>
          <div className="scopes">
            {grantable.map((scope) => (
              <label key={scope} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(scope)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, scope] : chosen.filter((s) => s !== scope))}
                />
                {scope}
              </label>
            ))}
          </div>
        </fieldset>
        <ErrorMessage error={state.error} />
        <button type="submit" disabled={state.fetching || chosen.length === 0}>
          Create client
        </button>
      </form>
      {created && (
        <div className="panel secret-once" role="status" aria-labelledby="created-client-title">
          <h2 id="created-client-title">Client created</h2>
          <p>Copy the secret now: it is shown only this once and cannot be read again.</p>
          <dl className="facts">
            <dt>Client id</dt>
            <dd>
              <code>{created.clientId}</code>
            </dd>
            <dt>Client secret</dt>
            <dd>
              <code data-testid="client-secret">{created.clientSecret}</code>{' '}
              <button type="button" onClick={() => void navigator.clipboard.writeText(created.clientSecret).then(() => setCopied(true))}>
                {copied ? 'Copied' : 'Copy secret'}
              </button>
            </dd>
            <dt>Scopes</dt>
            <dd>{created.scopes.join(', ')}</dd>
          </dl>
        </div>
      )}
    </>
  );
}
