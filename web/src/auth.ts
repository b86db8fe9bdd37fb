// The signed-in session: an access token in memory, mirrored to sessionStorage so a reload keeps it.
export interface Session {
  token: string;
  scopes: string[];
  expiresAt: number;
  clientId: string;
}

const STORAGE_KEY = 'dsr-hooks.session';
type Listener = (session: Session | null, reason?: string) => void;
const listeners = new Set<Listener>();
let current: Session | null = load();
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const session = raw ? (JSON.parse(raw) as Session) : null;
    return session && session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setSession(session: Session | null, reason?: string): void {
  current = session;
  clearTimeout(expiryTimer);
  if (session) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    expiryTimer = setTimeout(() => signOut('Your session expired. Sign in again.'), Math.max(0, session.expiresAt - Date.now()));
  } else {
    sessionStorage.removeItem(STORAGE_KEY);
  }
  for (const listener of listeners) listener(session, reason);
}
if (current) setSession(current);

export function signOut(reason?: string): void {
  setSession(null, reason);
}

interface TokenAnswer {
  access_token: string;
  expires_in: number;
  scope: string;
  error_description?: string;
  error?: string;
}

function sessionFrom(answer: TokenAnswer, clientId: string): Session {
  return {
    token: answer.access_token,
    scopes: answer.scope.split(' ').filter(Boolean),
    expiresAt: Date.now() + answer.expires_in * 1000,
    clientId,
  };
}

/** The OAuth 2.0 client credentials grant at /oauth/token. Throws an Error with the server's words. */
export async function signIn(clientId: string, clientSecret: string): Promise<void> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
  const res = await fetch('/oauth/token', { method: 'POST', body });
  const answer = (await res.json().catch(() => ({}))) as TokenAnswer;
  if (!res.ok) throw new Error(answer.error_description ?? answer.error ?? `sign-in failed (HTTP ${res.status})`);
  setSession(sessionFrom(answer, clientId));
}

/** Outside production, on a loopback Host, the server hands the console a root token, as it does for GraphiQL. */
export async function signInForDevelopment(): Promise<boolean> {
  try {
    const res = await fetch('/admin/dev-token', { headers: { accept: 'application/json' } });
    if (res.status !== 200) return false;
    setSession(sessionFrom((await res.json()) as TokenAnswer, 'development root client'));
    return true;
  } catch {
    return false;
  }
}

export function hasScope(scope: string): boolean {
  return current?.scopes.includes(scope) ?? false;
}
