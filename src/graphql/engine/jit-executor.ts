// Engine plumbing (graphql/engine/): how the API executes, not what it answers.
// jit-executor: Apollo's executor swapped for graphql-jit's compiled queries (http/app.ts), with
// graphql-js' error shapes kept where graphql-jit words them differently.
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

const MAX_COMPILED = 500;

/**
 * Apollo executes through graphql-jit: each operation is compiled once into a function that
 * walks the result without graphql-js' per-field bookkeeping (resolve info, argument values and
 * a promise per object). Apollo's parsing, validation, plugins and error formatting are unchanged;
 * the compiled executor is plugged in through Apollo's gateway interface, its one hook for a
 * custom executor.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const executor = jitExecutor(schema);
  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

function jitExecutor(schema: GraphQLSchema): GatewayExecutor {
  const compiled = new Map<string, CompiledQuery>();
  return async (request) => {
    const key = `${request.queryHash}:${request.operationName ?? ''}`;
    let query = compiled.get(key);
    if (!query) {
      const result = compileQuery(schema, request.document, request.operationName ?? undefined);
      if (!isCompiledQuery(result)) return asBadUserInput(result, request.response);
      if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
      compiled.set(key, (query = result));
    }
    const result = await query.query(undefined, request.context, request.request.variables ?? {});
    // Without data the operation never ran: its variables did not fit.
    if (!('data' in result)) {
      return asBadUserInput(
        variableErrors(schema, request.document, request.operationName, request.request.variables, result),
        request.response,
      );
    }
    return result.errors ? { ...result, errors: result.errors.map(withExtensions) } : result;
  };
}

/**
 * graphql-jit leaves `extensions` undefined on errors whose cause has none (a database error, a
 * bug); Apollo reads extensions.code before formatError runs and would answer without our
 * request id. Such errors are rewrapped, keeping the path and the original error.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  return new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: {} });
}

/**
 * graphql-jit's variable errors name the innermost input field as the variable and hold the
 * reason only inside a message that quotes the whole value. graphql-js' coercion of the same
 * values names the variable and the path, and keeps the reason apart (originalError), so that
 * formatError can drop the value and keep the rest. Only run once the values were refused.
 */
function variableErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  jitResult: ExecutionResult,
): ExecutionResult {
  const operation = getOperationAST(document, operationName ?? undefined);
  const coerced = operation ? getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}) : undefined;
  return coerced?.errors?.length ? { errors: coerced.errors } : jitResult;
}

/** Request errors as Apollo reports them: BAD_USER_INPUT with HTTP 400. */
function asBadUserInput(result: ExecutionResult, response: { http?: { status?: number } } | undefined): ExecutionResult {
  if (response?.http) response.http.status = 400;
  return {
    errors: (result.errors ?? []).map(
      (error) =>
        new GraphQLError(error.message, {
          nodes: error.nodes,
          originalError: error.originalError ?? undefined,
          extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
        }),
    ),
  };
}
