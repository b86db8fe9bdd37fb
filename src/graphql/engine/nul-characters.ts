// Engine plumbing (graphql/engine/): how the API executes, not what it answers.
// nul-characters: no NUL reaches PostgreSQL. Inline literals are checked by a validation rule,
// which Apollo runs once per document (it keeps validated documents); variables by a plugin,
// once per request (http/app.ts installs both). The walk over the variables also refuses nesting
// deeper than any input type has, so nothing after it walks 20,000 levels.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationRule } from 'graphql';
import { InvalidInputError } from '../../domain/errors';

/**
 * PostgreSQL text cannot hold NUL (U+0000): a query carrying one fails at the protocol level.
 * Variables are checked once per request, before execution, so no input reaches the database
 * with one (a per-field middleware would tax every resolved field); so is their nesting.
 */
export const rejectBadVariablesPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request }) {
        const error = variableValuesError(request.variables ?? {});
        if (error) throw error;
      },
    };
  },
};

/** Variable values nest at most this deep (lists and objects); the schema's inputs need a handful of levels. */
export const MAX_VARIABLE_DEPTH = 64;

/** The error for variables holding NUL or nested too deep (HTTP and WebSocket alike); undefined when there is none. */
export function variableValuesError(variables: Record<string, unknown>): GraphQLError | undefined {
  const problem = problemIn(variables);
  if (!problem) return undefined;
  const message =
    problem.kind === 'nul'
      ? nulMessage(`"${pathOf(problem.at)}"`)
      : `"${pathOf(problem.at)}" is nested more than ${MAX_VARIABLE_DEPTH} levels deep; no input of this API nests that deep`;
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
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

interface Visit {
  value: unknown;
  key: string | number;
  depth: number;
  parent?: Visit;
}

/**
 * The first string holding NUL or value nested too deep, depth first, with an explicit stack (a
 * recursive walk overflows at 20,000 levels); a path is built only for the value found.
 */
function problemIn(variables: Record<string, unknown>): { kind: 'nul' | 'depth'; at: Visit } | undefined {
  const stack: Visit[] = [{ value: variables, key: '$', depth: 0 }];
  while (stack.length) {
    const at = stack.pop()!;
    const { value, depth } = at;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { kind: 'nul', at };
    } else if (value && typeof value === 'object') {
      if (depth > MAX_VARIABLE_DEPTH) return { kind: 'depth', at };
      const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], key: entries[i][0], depth: depth + 1, parent: at });
    }
  }
  return undefined;
}

/** `$input[0].secrets.url` */
function pathOf(visit: Visit): string {
  const keys: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.push(at.key);
  return keys
    .reverse()
    .reduce<string>((path, key, i) => (typeof key === 'number' ? `${path}[${key}]` : i === 0 ? `$${key}` : `${path}.${key}`), '');
}
