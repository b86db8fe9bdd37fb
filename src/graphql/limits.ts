import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination';

/** Objects assumed for a list field without paging arguments (a policy's webhooks, a request's deliveries). */
export const UNPAGED_LIST_ESTIMATE = 10;

/** Fields of an operation with its fragments expanded; past this it is refused whatever it costs (a fragment bomb). */
export const MAX_EXPANDED_FIELDS = 10_000;

/** The shape limits of a document (GRAPHQL_MAX_DEPTH, _TOKENS, _ALIASES, _DIRECTIVES); the cost is checked apart. */
export interface DocumentLimits {
  maxDepth: number;
  maxTokens: number;
  maxAliases: number;
  maxDirectives: number;
}

/** graphql-js' parse options: a document of more tokens is refused before any of it is parsed further. */
export function parseOptions(limits: DocumentLimits) {
  return { maxTokens: limits.maxTokens };
}

/**
 * Validation rules for depth, aliases and directives (GraphQL Armor's, each visiting a fragment
 * once). Depth counts fields only (a fragment spread adds none) and not inside __schema, so
 * GraphiQL's introspection query passes.
 */
export function documentLimitRules(limits: DocumentLimits): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      ...reportedAs(`the query is nested more than ${limits.maxDepth} levels deep; ask for fewer nested fields`),
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      ...reportedAs(`the query has more than ${limits.maxAliases} aliases; send fewer aliased fields (or several requests)`),
    }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportedAs(`the query has more than ${limits.maxDirectives} directives`) }),
  ];
}

/** Armor throws by default (a 500 through graphql-js' validate); reported, it is a validation error (400). */
function reportedAs(message: string) {
  return {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(new GraphQLError(message))],
  };
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
    const limit = budget
      ? `the limit is ${maxCost} objects for the whole batch and ${allowed} are left`
      : `the limit is ${maxCost} objects`;
    const message = Number.isFinite(cost)
      ? `the query may return up to ${cost} objects; ${limit}. Ask for fewer items (a smaller "first") or fewer nested lists`
      : `the query has more than ${MAX_EXPANDED_FIELDS} fields with its fragments spread out; ask for fewer fields`;
    return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', maxCost, http: { status: 400 } } });
  }
  if (budget) budget.remaining -= cost;
  return undefined;
}

/**
 * The objects an operation may return; Infinity past MAX_EXPANDED_FIELDS; undefined when it or
 * its variables are invalid. A field with `first` or `last` returns that many, one with a `first`
 * argument and neither given DEFAULT_PAGE_SIZE, a connection's edges its size (already counted),
 * any other list UNPAGED_LIST_ESTIMATE; each object field costs at least 1 (it reaches the
 * database even with `first: 0`). Scalars are free, and so is introspection (bounded by the
 * schema's size), though its fields count towards MAX_EXPANDED_FIELDS.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): number | undefined {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  if (coerced.errors) return undefined;
  try {
    const walk = new CostWalk(schema, document, coerced.coerced);
    const { cost, fields } = walk.selections(operation.selectionSet, root);
    return fields > MAX_EXPANDED_FIELDS ? Infinity : cost;
  } catch {
    return undefined; // an argument that does not fit: execution reports it
  }
}

interface Cost {
  cost: number;
  /** Fields with the fragments expanded. */
  fields: number;
}

const FREE: Cost = { cost: 0, fields: 0 };

/** One pass over an operation: each fragment costed once, however often it is spread (linear in the document). */
class CostWalk {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly fragmentCosts = new Map<string, Cost>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
  ) {
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
  }

  selections(set: SelectionSetNode, type: GraphQLNamedType): Cost {
    let cost = 0;
    let fields = 0;
    for (const selection of set.selections) {
      if (!this.included(selection)) continue;
      const part =
        selection.kind === Kind.FIELD
          ? this.field(selection, type)
          : selection.kind === Kind.INLINE_FRAGMENT
            ? this.selections(selection.selectionSet, this.typeNamed(selection.typeCondition?.name.value) ?? type)
            : this.fragment(selection.name.value);
      cost += part.cost;
      fields += part.fields;
    }
    return { cost, fields };
  }

  private field(node: FieldNode, parent: GraphQLNamedType): Cost {
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    if (!field) return { cost: 0, fields: 1 }; // __typename
    const child = node.selectionSet ? this.selections(node.selectionSet, getNamedType(field.type)) : FREE;
    const fields = 1 + child.fields;
    if (node.name.value.startsWith('__')) return { cost: 0, fields };
    if (!isCompositeType(getNamedType(field.type))) return { cost: 0, fields };
    const count = multiplier(parent.name, field, getArgumentValues(field, node, this.variables));
    return { cost: Math.max(1, count * (1 + child.cost)), fields };
  }

  private fragment(name: string): Cost {
    const known = this.fragmentCosts.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    const type = this.typeNamed(fragment?.typeCondition.name.value);
    if (!fragment || !type) return FREE;
    this.fragmentCosts.set(name, { cost: Infinity, fields: Infinity }); // a cycle (validation refuses it first)
    const cost = this.selections(fragment.selectionSet, type);
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private included(node: SelectionNode): boolean {
    if (!node.directives?.length) return true;
    if (getDirectiveValues(GraphQLSkipDirective, node, this.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, this.variables)?.if !== false;
  }

  private typeNamed(name: string | undefined): GraphQLNamedType | undefined {
    return name === undefined ? undefined : this.schema.getType(name);
  }
}

function multiplier(parentName: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (typeof args.first === 'number') return Math.max(0, args.first);
  if (typeof args.last === 'number') return Math.max(0, args.last);
  if (field.args.some((arg) => arg.name === 'first')) return DEFAULT_PAGE_SIZE; // neither given
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (!isListType(type)) return 1;
  return parentName.endsWith('Connection') ? 1 : UNPAGED_LIST_ESTIMATE;
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
  const values = entry.sizing.map((name) => variables[name] ?? null);
  // An object or a list where a count or a flag belongs is refused by coercion; never serialised here.
  if (values.some((value) => typeof value === 'object' && value !== null)) return compute();
  const key = JSON.stringify([operationName ?? null, ...values]);
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
