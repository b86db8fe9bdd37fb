'use strict';
const { randomBytes, randomUUID } = require('node:crypto');
const { Client } = require('pg');

/**
 * The PostgreSQL server the bench creates its database on. The one place to point the bench at
 * another server (the embedded one, once it exists).
 */
function benchServerUrl() {
  return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

async function withClient(url, fn) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database `dsr_bench_<random>` on the bench server; drop() removes it. */
async function createBenchDatabase() {
  const admin = benchServerUrl();
  const name = `dsr_bench_${randomBytes(5).toString('hex')}`;
  await withClient(admin, (c) => c.query(`create database ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withClient(admin, (c) => c.query(`drop database if exists ${name} with (force)`)),
  };
}

const pad = (n, width) => String(n).padStart(width, '0');

/**
 * The benchmark's data, straight through SQL (the schema comes from the server's migrations):
 * 20 HTTPS connections; `readPolicies` policies with 10 pre- and 10 post-execution webhooks;
 * for the reorders, `writers` policies with 10 and `writers` with 50 pre-execution webhooks, and
 * two with 10 that every client reorders at once (one for each server).
 */
async function seed(url, { readPolicies = 100, writers = 32 } = {}) {
  const connections = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), key: `bench-conn-${pad(i, 2)}` }));
  const policies = [];
  const webhooks = [];
  const addPolicy = (key, pre, post) => {
    const id = randomUUID();
    policies.push([id, key, `${key} name`]);
    for (const [phase, count] of [
      ['pre', pre],
      ['post', post],
    ]) {
      for (let order = 0; order < count; order++) {
        const connection = connections[(policies.length + order) % connections.length];
        webhooks.push([
          randomUUID(),
          id,
          phase,
          order,
          `${phase}-hook-${pad(order, 2)}`,
          `${phase} hook ${order}`,
          order % 3 === 0 ? 'two_way' : 'one_way',
          connection.id,
        ]);
      }
    }
  };
  for (let i = 0; i < readPolicies; i++) addPolicy(`bench-read-${pad(i, 3)}`, 10, 10);
  const reorder10 = Array.from({ length: writers }, (_, i) => `bench-rw10-${pad(i, 2)}`);
  const reorder50 = Array.from({ length: writers }, (_, i) => `bench-rw50-${pad(i, 2)}`);
  for (const key of reorder10) addPolicy(key, 10, 0);
  for (const key of reorder50) addPolicy(key, 50, 0);
  const contended = ['bench-hot-dsr', 'bench-hot-limit'];
  for (const key of contended) addPolicy(key, 10, 0);

  await withClient(url, async (c) => {
    await c.query('begin');
    await c.query(
      `insert into connection_config (id, key, name, connection_type, access, created_at, updated_at)
       select id, key, key || ' name', 'HTTPS', 'WRITE', now(), now() from unnest($1::uuid[], $2::text[]) as t(id, key)`,
      [connections.map((x) => x.id), connections.map((x) => x.key)],
    );
    await c.query(
      `insert into policy (id, key, name, created_at, updated_at)
       select *, now(), now() from unnest($1::uuid[], $2::text[], $3::text[])`,
      columns(policies, 3),
    );
    await c.query(
      `insert into policy_webhook (id, policy_id, phase, position, key, name, direction, connection_config_id, created_at, updated_at)
       select *, now(), now() from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::uuid[])`,
      columns(webhooks, 8),
    );
    await c.query('commit');
    await c.query('analyze');
  });
  return { reorder10, reorder50, contended, readKeys: policies.slice(0, readPolicies).map((p) => p[1]) };
}

function columns(rows, width) {
  return Array.from({ length: width }, (_, i) => rows.map((r) => r[i]));
}

module.exports = { benchServerUrl, createBenchDatabase, seed, withClient };
