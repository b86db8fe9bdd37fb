import 'reflect-metadata';
import { getIntrospectionQuery, parse, print, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import * as consoleDocuments from '../../web/src/gql/graphql';
import { loadConfig } from '../../src/config';
import { documentLimitRules, MAX_EXPANDED_FIELDS, operationCost, parseOptions } from '../../src/graphql/limits';
import { buildSchema } from '../../src/graphql/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema();
});

const config = loadConfig({});
const defaults = {
  maxDepth: config.maxQueryDepth,
  maxTokens: config.maxQueryTokens,
  maxAliases: config.maxQueryAliases,
  maxDirectives: config.maxQueryDirectives,
};

/** Parse and validate as /graphql does with the default limits; the messages of what is refused. */
function refusals(query: string): string[] {
  const document = parse(query, parseOptions(defaults));
  return validate(schema, document, [...specifiedRules, ...documentLimitRules(defaults)]).map((e) => e.message);
}

/** `{ ...F1 }` with fragments F1..F`levels`, each spreading the next one twice. */
function fanOut(levels: number, leaf = 'policies(first: 0) { totalCount }'): string {
  let query = '{ ...F1 }\n';
  for (let i = 1; i < levels; i++) query += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
  return `${query}fragment F${levels} on Query { ${leaf} }`;
}

const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(query), variables);

describe('document limits (defaults)', () => {
  it("pass every document of the admin console's codegen client", () => {
    const documents = Object.entries(consoleDocuments).filter(([name]) => name.endsWith('Document'));
    expect(documents.length).toBeGreaterThan(10);
    for (const [name, document] of documents) {
      expect([name, refusals(print(document as DocumentNode))]).toEqual([name, []]);
    }
  });

  it("pass GraphiQL's introspection query", () => {
    expect(refusals(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toEqual([]);
    expect(cost(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toBe(0);
  });

  it('refuse a document of more tokens than GRAPHQL_MAX_TOKENS while parsing', () => {
    const query = `{ ${'__typename '.repeat(defaults.maxTokens)} }`;
    expect(() => refusals(query)).toThrow(/more that 5000 tokens/);
  });

  it('count aliases and directives through fragments, each fragment once', () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: policy(key: "k") { key }`).join(' ');
    expect(refusals(`{ ${aliases(30)} }`)).toEqual([]);
    expect(refusals(`{ ...A } fragment A on Query { ${aliases(31)} }`)).toEqual([
      'the query has more than 30 aliases; send fewer aliased fields (or several requests)',
    ]);
    const directives = (n: number) => '__typename @include(if: true) @skip(if: false) '.repeat(n / 2);
    expect(refusals(`{ ${directives(50)} }`)).toEqual([]);
    expect(refusals(`{ ...A } fragment A on Query { ${directives(52)} }`)).toEqual(['the query has more than 50 directives']);
  });

  it('measure depth in fields, not fragment spreads, and refuse a fragment cycle without overflowing', () => {
    expect(refusals(fanOut(26))).toEqual([]); // 2 levels of fields: refused for its expanded size (below)
    expect(refusals('{ ...A } fragment A on Query { ...A }')).toEqual(['Cannot spread fragment "A" within itself.']);
  });

  it('prints the time to validate and cost the 26-level fan-out (each fragment visited once)', () => {
    const document = parse(fanOut(26));
    const start = process.hrtime.bigint();
    validate(schema, document, [...specifiedRules, ...documentLimitRules(defaults)]);
    operationCost(schema, document, {});
    console.log(`26-level fan-out: validation and cost in ${Number(process.hrtime.bigint() - start) / 1e6} ms`);
  });
});

describe('query cost', () => {
  it('costs every object field at least 1, even with first: 0', () => {
    expect(cost('{ policies(first: 0) { totalCount } }')).toBe(1);
    const aliases = Array.from({ length: 4900 }, (_, i) => `a${i}: policies(first: 0) { totalCount }`).join(' ');
    expect(cost(`{ ${aliases} }`)).toBe(4900);
  });

  it('multiplies by first or last, DEFAULT_PAGE_SIZE when neither, and counts connection edges once', () => {
    expect(cost('{ policies(first: 3) { edges { node { key } } } }')).toBe(3 * (1 + 1 * (1 + 1)));
    expect(cost('{ policies(last: 2) { edges { cursor } } }')).toBe(2 * (1 + 1));
    expect(cost('{ policies { totalCount } }')).toBe(50);
    expect(cost('query($n: Int) { policies(first: $n) { totalCount } }', { n: 7 })).toBe(7);
  });

  it('counts an unpaged list as 10 objects and scalars as nothing', () => {
    expect(cost('{ policy(key: "k") { key preWebhooks { key } } }')).toBe(1 * (1 + 10 * 1));
  });

  it('costs a fragment once and multiplies it at each spread', () => {
    const query =
      'query { a: policies(first: 2) { edges { node { ...P } } } b: policies(first: 3) { edges { node { ...P } } } } fragment P on Policy { preWebhooks { key } }';
    expect(cost(query)).toBe(2 * (1 + 1 + 1 + 10) + 3 * (1 + 1 + 1 + 10));
  });

  it('honours @skip and @include with variables', () => {
    const query = 'query($s: Boolean!) { policies(first: 5) @skip(if: $s) { totalCount } policy(key: "k") { key } }';
    expect(cost(query, { s: true })).toBe(1);
    expect(cost(query, { s: false })).toBe(6);
  });

  it('refuses past MAX_EXPANDED_FIELDS fields with fragments expanded, without expanding them', () => {
    expect(cost(fanOut(10))).toBe(2 ** 9); // 512 policies fields of cost 1
    expect(cost(fanOut(26))).toBe(Infinity);
    expect(2 ** 25).toBeGreaterThan(MAX_EXPANDED_FIELDS);
  });

  it('is undefined for variables that do not fit (execution reports them)', () => {
    expect(cost('query($n: Int) { policies(first: $n) { totalCount } }', { n: 'x' })).toBeUndefined();
  });
});
