import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { ConnectionSecretsInput, ConnectionType } from '../gql/graphql';
import { ErrorMessage } from './common';

const SetSecrets = graphql(`
  mutation ConsoleSetSecrets($key: String!, $secrets: ConnectionSecretsInput!) {
    setConnectionSecrets(key: $key, secrets: $secrets) {
      key
      hasSecrets
    }
  }
`);

/** Write-only: the fields start empty, whatever is stored; saving replaces every secret. */
export function SecretsForm(props: { connectionKey: string; connectionType: ConnectionType; onSaved: () => void }) {
  const [state, save] = useMutation(SetSecrets);
  const [values, setValues] = useState<Record<string, string>>({});
  const field = (name: string, label: string, type = 'text', required = false) => (
    <label>
      {label}
      <input
        name={name}
        type={type}
        value={values[name] ?? ''}
        required={required}
        autoComplete="off"
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      />
    </label>
  );
  const v = (name: string) => values[name]?.trim() || null;

  function secrets(): ConnectionSecretsInput {
    if (props.connectionType === 'POSTGRES') {
      return {
        postgres: {
          host: v('host') ?? '',
          port: Number(v('port') ?? 5432),
          dbname: v('dbname') ?? '',
          username: v('username') ?? '',
          password: v('password'),
          sslMode: v('sslMode'),
        },
      };
    }
    const headers = (values.headers ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => ({ name: line.slice(0, line.indexOf(':')).trim(), value: line.slice(line.indexOf(':') + 1).trim() }));
    const oauth2 = v('tokenUrl')
      ? { tokenUrl: v('tokenUrl')!, clientId: v('oauthClientId') ?? '', clientSecret: v('oauthClientSecret') ?? '', scope: v('oauthScope') }
      : null;
    return {
      https: {
        url: v('url') ?? '',
        authorization: v('authorization'),
        signingSecret: v('signingSecret'),
        headers: headers.length ? headers : null,
        oauth2,
      },
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await save({ key: props.connectionKey, secrets: secrets() });
    if (!answer.error) {
      setValues({});
      props.onSaved();
    }
  }

  return (
    <form className="secrets" onSubmit={submit} aria-label={`Secrets of ${props.connectionKey}`} autoComplete="off">
      <p className="muted">Stored secrets are never shown. What you save here replaces all of them.</p>
      {props.connectionType === 'HTTPS' ? (
        <div className="fields">
          {field('url', 'URL', 'url', true)}
          {field('authorization', 'Authorization header (optional)', 'password')}
          {field('signingSecret', 'Signing secret, whsec_… (optional)', 'password')}
          <label>
            Extra headers, one “Name: value” a line (optional)
            <textarea
              name="headers"
              rows={2}
              value={values.headers ?? ''}
              onChange={(e) => setValues({ ...values, headers: e.target.value })}
            />
          </label>
          <fieldset>
            <legend>OAuth 2.0 client credentials (optional, instead of an Authorization header)</legend>
            {field('tokenUrl', 'Token URL', 'url')}
            {field('oauthClientId', 'Client id')}
            {field('oauthClientSecret', 'Client secret', 'password')}
            {field('oauthScope', 'Scope')}
          </fieldset>
        </div>
      ) : (
        <div className="fields">
          {field('host', 'Host', 'text', true)}
          {field('port', 'Port', 'number')}
          {field('dbname', 'Database', 'text', true)}
          {field('username', 'User name', 'text', true)}
          {field('password', 'Password', 'password')}
          {field('sslMode', 'SSL mode')}
        </div>
      )}
      <ErrorMessage error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Save secrets
      </button>
    </form>
  );
}
