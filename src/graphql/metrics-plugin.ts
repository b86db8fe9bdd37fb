import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../metrics';

/** Each operation counted and timed by its name and type (never its variables), each error by its code. */
export function metricsPlugin<T extends object>(metrics: Metrics): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const end = metrics.graphqlDuration.startTimer();
      let labels: { operation: string; type: string } | undefined;
      return {
        async didResolveOperation({ operationName, operation }) {
          labels = { operation: metrics.operationLabel(operationName), type: operation?.operation ?? 'query' };
        },
        async willSendResponse({ response }) {
          if (labels) {
            end(labels);
            metrics.graphqlOperations.inc(labels);
          }
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of errors ?? []) {
            const code = error.extensions?.code;
            metrics.graphqlErrors.inc({ code: typeof code === 'string' ? code : 'UNKNOWN' });
          }
        },
      };
    },
  };
}
