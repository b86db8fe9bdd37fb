import type { ApolloServerPlugin } from '@apollo/server';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { eventContext, type Context } from '../context';
import { costLimitError, documentLimitRules, parseOptions, type DocumentLimits } from '../limits';
import { noNulLiteralsRule, variableValuesError } from '../engine/nul-characters';
import { unknownOperation } from '../engine/unknown-operation';
import type { FeedEvent } from './change-feed';

/** A `subscribe` message's payload as the client sent it (not yet checked). */
export interface SubscribeRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

export interface PreparedSubscription {
  args: ExecutionArgs;
  events: AsyncIterator<FeedEvent<unknown>> & { return(): Promise<IteratorResult<FeedEvent<unknown>>> };
  /** Subscriptions with the same key get the same result for the same event. */
  shareKey: string;
}

const MAX_DOCUMENTS = 500;

/**
 * Subscription operations over WebSocket: checked like HTTP operations (parse with the token
 * limit, validation with the depth, alias and directive limits, cost limit, variables, scopes)
 * before any event, and executed once per event for all subscriptions that share the selection,
 * variables and scopes.
 */
export class SubscriptionOperations {
  private readonly documents = new Map<string, CheckedDocument>();
  private readonly rules: ValidationRule[];
  private readonly results = new WeakMap<FeedEvent<unknown>, Map<string, Promise<ExecutionResult>>>();
  private nextDocumentId = 1;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: DocumentLimits & { maxCost: number },
  ) {
    this.rules = [...specifiedRules, ...documentLimitRules(limits), noNulLiteralsRule];
  }

  /** The subscription ready to run, or the errors its `error` message carries. */
  async prepare(request: SubscribeRequest, context: Context): Promise<readonly GraphQLError[] | PreparedSubscription> {
    const { query, operationName, variables } = request;
    if (typeof query !== 'string') return [badRequest('"query" must be a string')];
    if (operationName != null && typeof operationName !== 'string') return [badRequest('"operationName" must be a string')];
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables)))
      return [badRequest('"variables" must be an object')];
    const { document, id, errors } = this.document(query);
    if (!document || errors.length) return errors;
    const operation = getOperationAST(document, operationName ?? undefined);
    if (!operation) return [unknownOperation(operationName ?? undefined)];
    if ((operation.operation as string) !== 'subscription')
      return [badRequest(`send ${operation.operation}s over HTTP POST /graphql; the WebSocket carries subscriptions`)];
    const variableValues = (variables ?? {}) as Record<string, unknown>;
    const refused =
      variableValuesError(variableValues) ??
      costLimitError(this.schema, document, variableValues, operationName ?? undefined, this.limits.maxCost);
    if (refused) return [refused];

    const args: ExecutionArgs = {
      schema: this.schema,
      document,
      operationName: operationName ?? undefined,
      variableValues,
      contextValue: context,
    };
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in stream)) return stream.errors ?? [];
    const scopes = context.auth ? [...context.auth.scopes].sort().join(' ') : '';
    return {
      args,
      events: stream as unknown as PreparedSubscription['events'],
      shareKey: `${id}\n${operationName ?? ''}\n${JSON.stringify(variableValues)}\n${scopes}`,
    };
  }

  /** graphql-ws' `subscribe`: each event executed against the subscription's selection. */
  run(prepared: PreparedSubscription): AsyncIterableIterator<ExecutionResult> & { return(): Promise<IteratorResult<ExecutionResult>> } {
    const { events } = prepared;
    return {
      next: async () => {
        const taken = await events.next();
        return taken.done ? { value: undefined, done: true } : { value: await this.result(prepared, taken.value), done: false };
      },
      return: async () => {
        await events.return();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  private result(prepared: PreparedSubscription, event: FeedEvent<unknown>): Promise<ExecutionResult> {
    let byKey = this.results.get(event);
    if (!byKey) this.results.set(event, (byKey = new Map<string, Promise<ExecutionResult>>()));
    let result = byKey.get(prepared.shareKey);
    if (!result) {
      const contextValue = eventContext(prepared.args.contextValue as Context, event.em, event.loaders);
      result = Promise.resolve(execute({ ...prepared.args, rootValue: event, contextValue }));
      byKey.set(prepared.shareKey, result);
    }
    return result;
  }

  private document(query: string): CheckedDocument {
    const known = this.documents.get(query);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query, parseOptions(this.limits));
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      return {
        document: null,
        id: 0,
        errors: [
          new GraphQLError(err.message, {
            nodes: err.nodes,
            source: err.source,
            positions: err.positions,
            extensions: { code: 'GRAPHQL_PARSE_FAILED' },
          }),
        ],
      };
    }
    const errors = validate(this.schema, document, this.rules).map(
      (e) =>
        new GraphQLError(e.message, {
          nodes: e.nodes,
          originalError: e.originalError,
          extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
    );
    if (this.documents.size >= MAX_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
    const entry = { document, id: this.nextDocumentId++, errors };
    this.documents.set(query, entry);
    return entry;
  }
}

interface CheckedDocument {
  document: DocumentNode | null;
  id: number;
  errors: readonly GraphQLError[];
}

/** Subscriptions sent over HTTP are refused before execution (they have no event stream there). */
export const subscriptionsOverWebSocketOnlyPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if ((operation?.operation as string | undefined) === 'subscription') throw webSocketOnly();
      },
    };
  },
};

export function webSocketOnly(): GraphQLError {
  return new GraphQLError('subscriptions run over WebSocket: connect to /graphql with the graphql-transport-ws protocol', {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });
}

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } });
}
