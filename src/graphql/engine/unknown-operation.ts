// Engine plumbing (graphql/engine/): how the API executes, not what it answers.
// unknown-operation: an operationName the document does not define is the client's mistake (400),
// answered before execution; graphql-jit would otherwise fail to compile it (a 500).
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

export const unknownOperationPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (!operation) throw unknownOperation(request.operationName ?? undefined);
      },
    };
  },
};

/** The operation to run is not in the document: unknown name (quoted escaped, so NUL stays visible), or none given among several. */
export function unknownOperation(operationName: string | undefined): GraphQLError {
  const message =
    operationName === undefined
      ? 'the document holds several operations: name the one to run in "operationName"'
      : `the document has no operation named ${JSON.stringify(operationName.slice(0, 100))}`;
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
}
