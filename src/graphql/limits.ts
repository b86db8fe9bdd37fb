import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  visit,
  type ASTNode,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination';

/** Objects assumed for a list field without paging arguments (a policy's webhooks, a request's deliveries). */
export const UNPAGED_LIST_ESTIMATE = 10;

/**
 * Rejects operations nested deeper than maxDepth fields, before execution. Introspection fields
 * (__schema, __type) do not count, so GraphiQL's own introspection query passes.
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = selectionDepth(context, operation.selectionSet, 0, maxDepth);
      if (depth > maxDepth) {
        const name = operation.name ? `"${operation.name.value}"` : 'the operation';
        context.reportError(
          new GraphQLError(`${name} is nested more than ${maxDepth} levels deep; ask for fewer nested fields`, { nodes: [operation] }),
        );
      }
    },
  });
}

/** Depth of a selection set, following fragments; stops counting once past the limit (so fragment cycles end). */
function selectionDepth(context: ValidationContext, set: SelectionSetNode, depth: number, maxDepth: number): number {
  if (depth > maxDepth) return depth;
  let deepest = depth;
  for (const selection of set.selections) {
    let sub = depth;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      sub = selection.selectionSet ? selectionDepth(context, selection.selectionSet, depth + 1, maxDepth) : depth + 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      sub = selectionDepth(context, selection.selectionSet, depth, maxDepth);
    } else {
      const fragment = context.getFragment(selection.name.value);
      if (fragment) sub = selectionDepth(context, fragment.selectionSet, depth, maxDepth);
    }
    deepest = Math.max(deepest, sub);
  }
  return deepest;
}

/**
 * Counts the objects an operation may return: a field with `first` or `last` returns that many, the
 * edges of a connection return the connection's size (already counted), any other list is assumed
 * to hold UNPAGED_LIST_ESTIMATE items. Scalars are free, and so is introspection (bounded by
 * the schema's own size), so GraphiQL can load the schema.
 */
export const objectCountEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const own = isCompositeType(getNamedType(field.type)) ? 1 : 0;
  return multiplier(type.name, field, args) * (own + childComplexity);
};

function multiplier(parentName: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (typeof args.first === 'number') return Math.max(0, args.first);
  if (typeof args.last === 'number') return Math.max(0, args.last);
  if (field.args.some((arg) => arg.name === 'first')) return DEFAULT_PAGE_SIZE; // neither given
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (!isListType(type)) return 1;
  return parentName.endsWith('Connection') ? 1 : UNPAGED_LIST_ESTIMATE;
}

// Fields evaluated while costing, fragments expanded; a fragment bomb stops here.
const MAX_EVALUATED_FIELDS = 10_000;

/** The operation's object count; Infinity past MAX_EVALUATED_FIELDS; undefined when its variables are invalid. */
function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): number | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [objectCountEstimator],
      maxQueryNodes: MAX_EVALUATED_FIELDS,
    });
  } catch (err) {
    if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) return Infinity;
    return undefined;
  }
}

/** What is left of maxCost for the operations of one batched request, shared by all of them. */
export interface CostBudget {
  remaining: number;
}

/**
 * Rejects an operation whose object count exceeds maxCost once its variables are known, before
 * any resolver runs (validation rules do not see variables, so this runs as a plugin). In a
 * batch the operations share one budget of maxCost: each one admitted uses up its count.
 */
export function costLimitPlugin<T extends { costBudget?: CostBudget }>(maxCost: number): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          const error = costLimitError(
            schema,
            document,
            request.variables ?? {},
            request.operationName ?? undefined,
            maxCost,
            contextValue.costBudget,
          );
          if (error) throw error;
        },
      };
    },
  };
}

/**
 * The error for an operation whose object count exceeds maxCost, or what is left of its batch's
 * budget (HTTP and WebSocket alike); undefined when it fits, and then the batch's budget is charged.
 */
export function costLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  maxCost: number,
  budget?: CostBudget,
): GraphQLError | undefined {
  const cost = cachedCost(document, operationName, variables, () => operationCost(schema, document, variables, operationName));
  if (cost === undefined) return undefined; // bad variables: execution reports them properly
  const allowed = budget ? budget.remaining : maxCost;
  if (cost > allowed) {
    const size = Number.isFinite(cost) ? `up to ${cost} objects` : `more than ${MAX_EVALUATED_FIELDS} fields`;
    const limit = budget
      ? `the limit is ${maxCost} objects for the whole batch and ${allowed} are left`
      : `the limit is ${maxCost} objects`;
    return new GraphQLError(`the query may return ${size}; ${limit}. Ask for fewer items (a smaller "first") or fewer nested lists`, {
      extensions: { code: 'BAD_USER_INPUT', maxCost, http: { status: 400 } },
    });
  }
  if (budget) budget.remaining -= cost;
  return undefined;
}

// Costs per parsed document (Apollo reuses one DocumentNode per query text), keyed by the values
// of the variables that can change the count, so repeated operations are costed once.
const costs = new WeakMap<DocumentNode, { sizing: string[]; byValues: Map<string, number | undefined> }>();
const MAX_COSTS_PER_DOCUMENT = 200;

function cachedCost(
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  compute: () => number | undefined,
): number | undefined {
  let entry = costs.get(document);
  if (!entry) costs.set(document, (entry = { sizing: sizingVariables(document), byValues: new Map() }));
  const key = JSON.stringify([operationName ?? null, ...entry.sizing.map((name) => variables[name] ?? null)]);
  if (entry.byValues.has(key)) return entry.byValues.get(key);
  const cost = compute();
  if (entry.byValues.size >= MAX_COSTS_PER_DOCUMENT) entry.byValues.clear();
  entry.byValues.set(key, cost);
  return cost;
}

/** Variables that can change an object count: those in `first` and `last` arguments and in directives (@skip, @include). */
function sizingVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ASTNode) => visit(node, { Variable: (v) => void names.add(v.name.value) });
  visit(document, {
    Field(field) {
      for (const arg of field.arguments ?? []) if (arg.name.value === 'first' || arg.name.value === 'last') collect(arg.value);
    },
    Directive(directive) {
      collect(directive);
    },
  });
  return [...names].sort();
}
