'use strict';
// The limit the bench measures dsr-hooks against: the same answers over HTTP from the same kind
// of Node server (express, a pg pool of the same size), each from hand-written SQL, no GraphQL.
// Started by bench/run.js as a child process: DATABASE_URL, PORT.
const express = require('express');
const { Pool } = require('pg');

// The same pool size as dsr-hooks', read from its compiled options so the two never drift apart.
const { ormOptions } = require('../dist/db/orm-options');
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: ormOptions(process.env.DATABASE_URL).pool.max });

/** One policy's webhooks of one phase as the read operation selects them, ordered. */
function webhooksJson(phase, withConnectionName) {
  const connection = withConnectionName ? `json_build_object('key', c.key, 'name', c.name)` : `json_build_object('key', c.key)`;
  const direction = withConnectionName ? `'direction', upper(w.direction), ` : '';
  return `coalesce((select json_agg(json_build_object('key', w.key, 'order', w.position, ${direction}'connectionConfig', ${connection})
      order by w.position)
    from policy_webhook w join connection_config c on c.id = w.connection_config_id
    where w.policy_id = p.id and w.phase = '${phase}'), '[]'::json)`;
}

const POLICY_NODE = `json_build_object('key', p.key, 'name', p.name,
  'preWebhooks', ${webhooksJson('pre', true)}, 'postWebhooks', ${webhooksJson('post', false)})`;

const READ_SQL = `select json_build_object('data', json_build_object('policies', json_build_object('edges',
    coalesce(json_agg(json_build_object('node', ${POLICY_NODE}) order by p.key), '[]'::json))))::text as body
  from (select * from policy order by key limit $1) p`;

const LOOKUP_SQL = `select json_build_object('data', json_build_object('policy', (
    select ${POLICY_NODE} from policy p where p.key = $1)))::text as body`;

const app = express();
app.disable('x-powered-by');

app.post('/read', express.json(), async (req, res, next) => {
  try {
    const { rows } = await pool.query(READ_SQL, [req.body.first ?? 100]);
    res.type('json').send(rows[0].body);
  } catch (err) {
    next(err);
  }
});

app.post('/policy', express.json(), async (req, res, next) => {
  try {
    const { rows } = await pool.query(LOOKUP_SQL, [req.body.key]);
    res.type('json').send(rows[0].body);
  } catch (err) {
    next(err);
  }
});

/**
 * patchWebhook's reorder by hand: lock the policy, then read its webhooks (a statement after the
 * lock, which sees what the previous holder committed), one UPDATE ... FROM (VALUES ...), commit.
 */
app.post('/reorder', express.json(), async (req, res, next) => {
  const { policyKey, phase, key, order } = req.body;
  const client = await pool.connect();
  try {
    await client.query('begin');
    const locked = await client.query('select id from policy where key = $1 for update', [policyKey]);
    const { rows } = await client.query('select id, key from policy_webhook where policy_id = $1 and phase = $2 order by position', [
      locked.rows[0]?.id,
      phase,
    ]);
    const from = rows.findIndex((w) => w.key === key);
    if (from < 0 || order < 0 || order >= rows.length) throw Object.assign(new Error('bad reorder'), { status: 400 });
    const moved = rows.slice();
    moved.splice(order, 0, ...moved.splice(from, 1));
    const changed = moved.map((w, i) => [w.id, i]).filter(([id, i]) => rows[i].id !== id || id === rows[from].id);
    const values = changed.map((_, i) => `($${2 * i + 1}::uuid, $${2 * i + 2}::int)`).join(', ');
    await client.query(
      `update policy_webhook w set position = v.position, updated_at = now()
       from (values ${values}) as v(id, position) where w.id = v.id`,
      changed.flat(),
    );
    await client.query('commit');
    const newOrder = from === order ? [] : moved.map((w, i) => ({ key: w.key, order: i }));
    res.json({ data: { patchWebhook: { resource: { key, order }, newOrder } } });
  } catch (err) {
    await client.query('rollback').catch(() => {});
    next(err);
  } finally {
    client.release();
  }
});

app.use((err, _req, res, _next) => res.status(err.status || 500).json({ error: String(err.message) }));

const server = app.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  if (process.send) process.send({ type: 'listening', port: server.address().port });
});
process.on('SIGTERM', () => {
  server.close(() => pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
});
