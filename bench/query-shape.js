'use strict';
// Query-shape benchmark: the fragment fan-out document of issue 10 (`{ ...F1 }`, fragments F1..Fn
// each spreading the next one twice: 2^(n-1) fields once expanded, ~40 bytes per level) parsed,
// validated with the default limits (GraphQL Armor's depth, alias and directive rules) and
// costed, as /graphql does before refusing it. Each step visits a fragment once, so the time
// grows with n, not 2^n. Prints the best of 5 runs per size. Runnable after `npm run build:server`:
//   node bench/query-shape.js
require('reflect-metadata');
const { parse, specifiedRules, validate } = require('graphql');
const { loadConfig } = require('../dist/config');
const { buildSchema } = require('../dist/graphql/schema');
const { documentLimitRules, operationCost, parseOptions } = require('../dist/graphql/limits');

function fanOut(levels) {
  let query = '{ ...F1 }\n';
  for (let i = 1; i < levels; i++) query += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
  return `${query}fragment F${levels} on Query { policies(first: 0) { totalCount } }`;
}

async function main() {
  const schema = await buildSchema();
  const config = loadConfig({});
  const limits = {
    maxDepth: config.maxQueryDepth,
    maxTokens: config.maxQueryTokens,
    maxAliases: config.maxQueryAliases,
    maxDirectives: config.maxQueryDirectives,
  };
  const rules = [...specifiedRules, ...documentLimitRules(limits)];
  const [depthRule] = documentLimitRules(limits);
  console.log('levels  Armor depth rule ms  parse+validate+cost ms  cost');
  for (const levels of [18, 22, 26, 52, 104]) {
    const query = fanOut(levels);
    let depthMs = Infinity;
    let totalMs = Infinity;
    let cost;
    for (let run = 0; run < 5; run++) {
      const parsed = parse(query, parseOptions(limits));
      let started = performance.now();
      validate(schema, parsed, [depthRule]);
      depthMs = Math.min(depthMs, performance.now() - started);
      started = performance.now();
      const document = parse(query, parseOptions(limits));
      validate(schema, document, rules);
      cost = operationCost(schema, document, {});
      totalMs = Math.min(totalMs, performance.now() - started);
    }
    console.log(`${String(levels).padStart(6)}  ${depthMs.toFixed(2).padStart(19)}  ${totalMs.toFixed(2).padStart(22)}  ${cost}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
