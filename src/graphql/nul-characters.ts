import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * PostgreSQL text cannot hold NUL (U+0000): a query carrying one fails at the protocol level.
 * Variables and inline string literals are checked once per request, before execution, so no
 * input reaches the database with one (a per-field middleware would tax every resolved field).
 */
export const rejectNulCharactersPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const where = pathOfNul(request.variables ?? {}, '$') ?? literalWithNul(document);
        if (where !== undefined) {
          throw new GraphQLError(`${where} must not contain NUL (\\u0000) characters`, {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
      },
    };
  },
};

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

// Apollo reuses one DocumentNode per query text: its literals are searched once.
const literalsChecked = new WeakMap<DocumentNode, string | undefined>();

function literalWithNul(document: DocumentNode): string | undefined {
  if (literalsChecked.has(document)) return literalsChecked.get(document);
  const found = findLiteralWithNul(document);
  literalsChecked.set(document, found);
  return found;
}

function findLiteralWithNul(document: DocumentNode): string | undefined {
  let found: string | undefined;
  visit(document, {
    StringValue(node) {
      if (found === undefined && node.value.includes('\u0000')) found = `a string literal at line ${node.loc?.startToken.line ?? '?'}`;
    },
  });
  return found;
}
