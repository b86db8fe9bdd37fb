// Engine plumbing (graphql/engine/): how the API executes, not what it answers.
// direct-resolvers: after type-graphql has built the schema (graphql/schema.ts), fields that need
// no middleware get direct resolvers; answers and scope checks stay the same, only cheaper.
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { GraphQLObjectType } from 'graphql';
import { AuthenticationError, AuthorizationError, getMetadataStorage, type AuthChecker, type BuildSchemaOptions } from 'type-graphql';

type Resolver = GraphQLFieldResolver<unknown, unknown>;
type ResolverData = { root: unknown; args: Record<string, unknown>; context: unknown; info: unknown };
type Metadata = ReturnType<typeof getMetadataStorage>;
type FieldResolverMetadata = Metadata['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];

/**
 * type-graphql calls every field through its middleware chain, and an @Authorized field through
 * an async auth middleware: four to six promises per call even when the check and the value are
 * synchronous. On a read of 100 policies that is ~20,000 calls and most of the garbage. This
 * rewires, after the schema is built, the fields that need nothing else:
 * - a plain @Field without roles or middlewares: graphql's default property resolver;
 * - a @FieldResolver taking only @Root() (typed by an interface: a class root would be converted
 *   to an instance), @Ctx() and @Info(): a direct method call behind the same authChecker with
 *   the same roles and the same errors, synchronous when the checker is.
 * Anything else (args, validation, middlewares, a custom container) keeps type-graphql's resolver.
 */
export function resolveFieldsDirectly(schema: GraphQLSchema, options: BuildSchemaOptions): GraphQLSchema {
  if (options.globalMiddlewares?.length || options.container) return schema;
  const authChecker = options.authChecker;
  if (authChecker && authChecker.prototype) return schema; // a class checker needs the container
  const metadata = getMetadataStorage().clone();
  metadata.build({ ...options, resolvers: [...options.resolvers] });
  const typeNames = new Map(metadata.objectTypes.map((t) => [t.target, t.name]));
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql keys its metadata by class, typed Function
  const fieldsOf = (target: Function) => {
    const type = schema.getType(typeNames.get(target) ?? '');
    return type instanceof GraphQLObjectType ? type.getFields() : undefined;
  };

  for (const objectType of metadata.objectTypes) {
    const fields = fieldsOf(objectType.target);
    for (const field of objectType.fields ?? []) {
      const resolved = fields?.[field.schemaName];
      const hasFieldResolver = metadata.fieldResolvers.some(
        (r) => r.getObjectType?.() === objectType.target && r.schemaName === field.schemaName,
      );
      if (resolved && !hasFieldResolver && !field.roles && !field.middlewares?.length && field.name === field.schemaName) {
        resolved.resolve = undefined;
      }
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql keys its metadata by class, typed Function
  const resolverClasses = new Set<Function>(options.resolvers as Function[]);
  for (const handler of metadata.fieldResolvers) {
    if (handler.kind !== 'external' || !resolverClasses.has(handler.target) || handler.middlewares?.length) continue;
    const field = fieldsOf(handler.getObjectType!())?.[handler.schemaName];
    const params = handler.params ?? [];
    if (!field || !params.every(isDirectParam)) continue;
    const instance = new (handler.target as new () => Record<string, (...a: unknown[]) => unknown>)();
    const method = instance[handler.methodName];
    const extractors = [...params].sort((a, b) => a.index - b.index).map(extractor);
    const call: Resolver = (root, _args, context, info) =>
      method.apply(
        instance,
        extractors.map((get) => get(root, context, info)),
      );
    field.resolve = handler.roles && authChecker ? behindAuthChecker(call, authChecker, handler.roles, options.authMode ?? 'error') : call;
  }
  return schema;
}

function isDirectParam(param: ParamMetadata): boolean {
  if (param.kind === 'context' || param.kind === 'info') return true;
  if (param.kind !== 'root' || param.propertyName) return false;
  const type = param.getType?.();
  return type === undefined || type === Object;
}

type Extractor = (root: unknown, context: unknown, info: unknown) => unknown;

function extractor(param: ParamMetadata): Extractor {
  if (param.kind === 'root') return (root) => root;
  if (param.kind === 'info') return (_root, _context, info) => info;
  const property = param.kind === 'context' ? param.propertyName : undefined;
  return property ? (_root, context) => (context as Record<string, unknown>)[property] : (_root, context) => context;
}

/** What type-graphql's AuthMiddleware does, without a promise unless the checker returns one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- type-graphql's own type for any checker
function behindAuthChecker(call: Resolver, authChecker: AuthChecker<any, any>, roles: unknown[], authMode: 'error' | 'null'): Resolver {
  const denied = () => {
    if (authMode === 'null') return null;
    throw roles.length === 0 ? new AuthenticationError() : new AuthorizationError();
  };
  return (root, args, context, info) => {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the resolver's own arguments, typed any by graphql-js
    const data: ResolverData = { root, args, context, info };
    const granted = (authChecker as (data: ResolverData, roles: unknown[]) => boolean | Promise<boolean>)(data, roles);
    if (typeof granted === 'object' && granted !== null && typeof granted.then === 'function') {
      return granted.then((ok) => (ok ? call(root, args, context, info) : denied()));
    }
    return granted ? call(root, args, context, info) : denied();
  };
}
