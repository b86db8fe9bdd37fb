import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { getSession, onSessionChange, signOut } from './auth';

let ws: WsClient | undefined;

function wsClient(): WsClient {
  ws ??= createWsClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: () => ({ Authorization: `Bearer ${getSession()?.token ?? ''}` }),
    lazy: true,
    retryAttempts: 5,
    on: {
      closed: (event) => {
        if ((event as CloseEvent).code === 4401) signOut('Your session expired. Sign in again.');
      },
    },
  });
  return ws;
}

// A new token needs a new socket: the server authenticates a socket once, at connection_init.
onSessionChange(() => {
  void ws?.dispose();
  ws = undefined;
});

export function createClient(): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: () => {
      const token = getSession()?.token;
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
    exchanges: [
      mapExchange({
        onError(error) {
          const expired = error.response?.status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
          if (expired) signOut('Your session expired. Sign in again.');
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = wsClient().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
