'use strict';
// The webhook receiver for bench/pipeline.js, in its own process: answers every POST after
// RECEIVER_DELAY_MS (a stand-in for the receiving system's own work) with {"halt": false};
// GET /stats gives the number of calls so far. Tells its parent the port over IPC.
const { createServer } = require('node:http');

const DELAY_MS = Number(process.env.RECEIVER_DELAY_MS || 10);
const ANSWER = JSON.stringify({ halt: false });
let calls = 0;

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ calls }));
    return;
  }
  req.resume();
  req.on('end', () => {
    calls++;
    const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end(ANSWER);
    if (DELAY_MS > 0) setTimeout(answer, DELAY_MS);
    else answer();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
