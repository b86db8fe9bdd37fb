import {
  buildSchema as buildSdl,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { buildSchema } from '../src/graphql/schema';

// GraphiQL's docs pane and generated clients show only what the schema describes: every type,
// field, argument, input field and enum value of the served schema carries a description.

/** Every element of the schema without a description, named as `Type`, `Type.field`, `Type.field(arg)` or `Enum.VALUE`. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (description: string | null | undefined, name: string) => {
    if (!description?.trim()) missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    need(type.description, type.name);
    if (isEnumType(type)) for (const value of type.getValues()) need(value.description, `${type.name}.${value.name}`);
    if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      need(field.description, `${type.name}.${field.name}`);
      for (const arg of 'args' in field ? field.args : []) need(arg.description, `${type.name}.${field.name}(${arg.name})`);
    }
  }
  return missing;
}

it('describes every type, field, argument, input field and enum value of the schema', async () => {
  expect(undocumented(await buildSchema())).toEqual([]);
});

it('names each kind of undescribed element', () => {
  const schema = buildSdl(`
    "d" type Query { "d" a(x: Int, "d" y: Int): E b: String }
    enum E { "d" ONE TWO }
    input I { "d" p: Int q: Int }
    type T { "d" f: I }
    type Mutation { "d" m(i: I): Int }
  `);
  expect(undocumented(schema).sort()).toEqual(['E', 'E.TWO', 'I', 'I.q', 'Mutation', 'Mutation.m(i)', 'Query.a(x)', 'Query.b', 'T'].sort());
});

it('names on each field the scope its @Authorized enforces', async () => {
  const schema = await buildSchema();
  expect(schema.getQueryType()!.getFields().policies.description).toMatch(/ Scope: `policy:read`\.$/);
  expect((schema.getType('Policy') as GraphQLObjectType).getFields().preWebhooks.description).toMatch(/ Scope: `webhook:read`\.$/);
  const roots = [schema.getQueryType()!, schema.getMutationType()!];
  const unscoped = roots.flatMap((root) =>
    Object.values(root.getFields())
      .filter((field) => !/ Scope: `[^`]+`(?: or `[^`]+`)*\.$/.test(field.description ?? ''))
      .map((field) => `${root.name}.${field.name}`),
  );
  expect(unscoped).toEqual(['Mutation.resumePrivacyRequest']); // authorised by its reply-to token alone
});
