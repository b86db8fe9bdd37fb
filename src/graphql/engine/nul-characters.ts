// Engine plumbing (graphql/engine/): how the API executes, not what it answers.
// nul-characters: no NUL reaches PostgreSQL. Inline literals are checked by a validation rule,
// which Apollo runs once per document (it keeps validated documents); variables by a plugin,
// once per request (http/app.ts installs both).
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationRule } from 'graphql';
import { InvalidInputError } from '../../domain/errors';

/**
 * PostgreSQL text cannot hold NUL (U+0000): a query carrying one fails at the protocol level.
 * Variables are checked once per request, before execution, so no input reaches the database
 * with one (a per-field middleware would tax every resolved field).
 */
export const rejectNulCharactersPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request }) {
        const error = nulVariableError(request.variables ?? {});
        if (error) throw error;
      },
    };
  },
};

/** The error for variables holding NUL (HTTP and WebSocket alike); undefined when there is none. */
export function nulVariableError(variables: Record<string, unknown>): GraphQLError | undefined {
  const where = pathOfNul(variables, '$');
  return where === undefined
    ? undefined
    : new GraphQLError(nulMessage(where), { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

/** Inline string literals: BAD_USER_INPUT like a variable (graphql/errors.ts answers the domain error a rule reports). */
export const noNulLiteralsRule: ValidationRule = (context) => {
  let reported = false;
  return {
    StringValue(node) {
      if (reported || !node.value.includes('\u0000')) return;
      reported = true;
      const message = nulMessage(`a string literal at line ${node.loc?.startToken.line ?? '?'}`);
      context.reportError(new GraphQLError(message, { nodes: node, originalError: new InvalidInputError(message) }));
    },
  };
};

function nulMessage(where: string): string {
  return `${where} must not contain NUL (\\u0000) characters`;
}

function pathOfNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? `"${path}"` : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = pathOfNul(item, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = pathOfNul(item, path === '$' ? `$${key}` : `${path}.${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
