import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../db/unavailable';
import { DomainError } from '../domain/errors';
import type { Context } from './context';
import { withoutInputValues } from './engine/input-echo';

/** Codes a client may see as they are: the contract's and Apollo's own request errors. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const requestIds = new WeakMap<object, string>();

export type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Errors as clients see them (HTTP and WebSocket). graphql-js' "Did you mean ...?" hints name
 * fields, arguments, types and enum values: they stay only where introspection shows the schema
 * anyway (outside production, or GRAPHQL_INTROSPECTION=true).
 */
export function errorFormatter(options: { suggestions: boolean }): ErrorFormatter {
  if (options.suggestions) return formatError;
  return (formatted, error) => {
    const result = formatError(formatted, error);
    return { ...result, message: result.message.replace(SUGGESTION, '') };
  };
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** The one place where errors become contract codes; anything unknown becomes a generic message. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = domainErrorIn(unwrapResolverError(error));
  if (original instanceof DomainError) {
    // `http` sets the answer's status (Apollo reads it); it is not for the client
    const { http: _status, ...extensions } = original.extensions;
    return { ...formatted, message: original.message, extensions: { ...extensions, code: original.code } };
  }
  if (original instanceof ArgumentValidationError) {
    const details = original.extensions.validationErrors?.flatMap((e) => Object.values(e.constraints ?? {})).join('; ');
    return { ...formatted, message: details || formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (hasPublicCode(original)) {
    const echoesInput = formatted.extensions?.code === 'BAD_USER_INPUT' || formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED';
    return echoesInput ? { ...formatted, message: withoutInputValues(formatted.message, original as GraphQLError) } : formatted;
  }
  if (isDatabaseUnavailable(original)) {
    return {
      message: DATABASE_UNAVAILABLE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  const requestId = original && typeof original === 'object' ? requestIds.get(original) : undefined;
  return {
    message: `Internal server error${requestId ? ` (request id ${requestId})` : ''}`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}

/** A domain error behind a validation rule's report is answered as that domain error. */
function domainErrorIn(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError instanceof DomainError ? error.originalError : error;
}

/** Apollo's request errors and GraphQLErrors thrown on purpose with a contract code. */
function hasPublicCode(error: unknown): boolean {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}

function isExpected(error: GraphQLError): boolean {
  const original = unwrapResolverError(error);
  return original instanceof DomainError || original instanceof ArgumentValidationError || hasPublicCode(original);
}

/** Logs unexpected errors with the request id that formatError then puts in the answer. */
export const errorLoggingPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (isExpected(error)) continue;
          const original = unwrapResolverError(error);
          if (original && typeof original === 'object') requestIds.set(original, contextValue.requestId);
          contextValue.logger.error({ err: original, path: error.path }, 'unexpected error in GraphQL request');
        }
      },
    };
  },
};
