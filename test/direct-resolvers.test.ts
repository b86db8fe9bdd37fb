import 'reflect-metadata';
import { execute, parse, type GraphQLSchema } from 'graphql';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  buildSchema,
  type AuthChecker,
} from 'type-graphql';
import { resolveFieldsDirectly } from '../src/graphql/engine/direct-resolvers';

// resolveFieldsDirectly rewires type-graphql's field resolvers after the schema is built; the
// scope checks on relation fields must hold exactly as type-graphql's own auth middleware does.

@ObjectType()
class Thing {
  @Field()
  name!: string;
}

interface Ctx {
  scopes: string[];
}

/** The parent as the read paths hand it over: a plain row, typed by an interface. */
interface ThingRow {
  name: string;
}

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => Thing)
  thing(): Thing {
    return { name: 'box' };
  }

  @Authorized('secret:read')
  @FieldResolver(() => String)
  secret(@Root() thing: ThingRow, @Ctx() ctx: Ctx): string {
    return `${thing.name} holds ${ctx.scopes.length} scopes`;
  }

  @FieldResolver(() => Int)
  repeated(@Root() thing: ThingRow, @Arg('times', () => Int) times: number): number {
    return thing.name.length * times;
  }
}

async function schemaWith(authChecker: AuthChecker<Ctx>): Promise<GraphQLSchema> {
  const options = { resolvers: [ThingResolver] as [typeof ThingResolver], authChecker, validate: false };
  return resolveFieldsDirectly(await buildSchema(options), options);
}

const scopesChecker: AuthChecker<Ctx> = ({ context }, roles) => roles.every((r) => context.scopes.includes(r));
const run = (schema: GraphQLSchema, query: string, scopes: string[]) =>
  execute({ schema, document: parse(query), contextValue: { scopes } });

it('answers a scoped relation field synchronously, without a promise, when the check allows it', async () => {
  const result = run(await schemaWith(scopesChecker), '{ thing { name secret } }', ['secret:read']);
  expect(result).not.toBeInstanceOf(Promise);
  expect(result).toEqual({ data: { thing: { name: 'box', secret: 'box holds 1 scopes' } } });
});

it("refuses a scoped relation field with type-graphql's AuthorizationError when the scope is missing", async () => {
  const result = await run(await schemaWith(scopesChecker), '{ thing { name secret } }', ['other']);
  expect(result.data).toBeNull();
  expect(result.errors?.[0].message).toBe("Access denied! You don't have permission for this action!");
  expect(result.errors?.[0].path).toEqual(['thing', 'secret']);
});

it('waits for an asynchronous auth checker', async () => {
  const asyncChecker: AuthChecker<Ctx> = async (data, roles) => scopesChecker(data, roles);
  const schema = await schemaWith(asyncChecker);
  expect(await run(schema, '{ thing { secret } }', ['secret:read'])).toEqual({ data: { thing: { secret: 'box holds 1 scopes' } } });
  expect(await run(schema, '{ thing { secret } }', [])).toMatchObject({ data: null });
});

it('leaves fields with arguments to type-graphql', async () => {
  const result = await run(await schemaWith(scopesChecker), '{ thing { repeated(times: 3) } }', []);
  expect(result).toEqual({ data: { thing: { repeated: 9 } } });
});
