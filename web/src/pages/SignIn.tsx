import { useState, type FormEvent } from 'react';
import { signIn } from '../auth';

export function SignInPage({ notice }: { notice?: string }) {
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(clientId.trim(), clientSecret);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <main className="sign-in">
      <h1>dsr-hooks console</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} aria-label="Sign in">
        <label>
          Client id
          <input
            name="clientId"
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            autoComplete="username"
            required
            autoFocus
          />
        </label>
        <label>
          Client secret
          <input
            name="clientSecret"
            type="password"
            value={clientSecret}
            onChange={(e) => setClientSecret(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted">An API client's id and secret (OAuth 2.0 client credentials). The token stays in this tab only.</p>
    </main>
  );
}
