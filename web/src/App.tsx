import { useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { Link, Route, Router, Switch } from 'wouter';
import { getSession, onSessionChange, signInForDevelopment, signOut, type Session } from './auth';
import { createClient } from './client';
import { ApiClientsPage } from './pages/ApiClients';
import { ConnectionsPage } from './pages/Connections';
import { PoliciesPage } from './pages/Policies';
import { PolicyPage } from './pages/Policy';
import { RequestPage } from './pages/Request';
import { RequestsPage } from './pages/Requests';
import { SignInPage } from './pages/SignIn';

const NAV = [
  { href: '/', label: 'Requests' },
  { href: '/policies', label: 'Policies' },
  { href: '/connections', label: 'Connections' },
  { href: '/clients', label: 'API clients' },
];

export function App() {
  const [session, setSession] = useState<Session | null>(getSession());
  const [notice, setNotice] = useState<string | undefined>();
  const [checkedDevelopment, setCheckedDevelopment] = useState(session !== null);
  useEffect(
    () =>
      onSessionChange((next, reason) => {
        setSession(next);
        setNotice(reason);
      }),
    [],
  );
  useEffect(() => {
    if (session) return;
    void signInForDevelopment().finally(() => setCheckedDevelopment(true));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  // A fresh client per session, so no answer cached for one token is shown to the next.
  const client = useMemo(() => createClient(), [session?.token]);

  if (!session) {
    return checkedDevelopment ? <SignInPage notice={notice} /> : <p className="loading">Loading…</p>;
  }
  return (
    <Provider value={client}>
      <Router base="/admin">
        <header className="top">
          <span className="brand">dsr-hooks</span>
          <nav aria-label="Main">
            {NAV.map((item) => (
              <Link key={item.href} href={item.href} className={(active: boolean) => (active ? 'active' : '')}>
                {item.label}
              </Link>
            ))}
          </nav>
          <span className="who">
            {session.clientId}
            <button type="button" className="link" onClick={() => signOut()}>
              Sign out
            </button>
          </span>
        </header>
        <main>
          <Switch>
            <Route path="/" component={RequestsPage} />
            <Route path="/requests/:id">{(params) => <RequestPage id={params.id} />}</Route>
            <Route path="/policies" component={PoliciesPage} />
            <Route path="/policies/:key">{(params) => <PolicyPage policyKey={decodeURIComponent(params.key)} />}</Route>
            <Route path="/connections" component={ConnectionsPage} />
            <Route path="/clients" component={ApiClientsPage} />
            <Route>
              <h1>Not found</h1>
              <p>
                There is no page here. <Link href="/">Go to the requests.</Link>
              </p>
            </Route>
          </Switch>
        </main>
      </Router>
    </Provider>
  );
}
