'use strict';
const autocannon = require('autocannon');

/**
 * One load run: `connections` clients, each sending its next request as soon as the previous
 * one answered, for `seconds`. `bodyFor(clientIndex)` gives each request's body, so clients can
 * work on their own policies; `onAnswer(clientIndex)` hears of each answer before the next body
 * is asked for. Answers that are not 2xx or carry GraphQL errors count as errors.
 */
function load({ url, headers, connections, seconds, bodyFor, onAnswer }) {
  let clients = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        connections,
        duration: seconds,
        pipelining: 1,
        timeout: 30,
        verifyBody: (body) => !body.includes('"errors"') && !body.startsWith('{"error"'),
        setupClient(client) {
          const index = clients++;
          client.setBody(bodyFor(index));
          client.on('response', () => {
            onAnswer?.(index);
            client.setBody(bodyFor(index));
          });
        },
      },
      (err, result) => (err ? reject(err) : resolve(summarise(result))),
    );
  });
}

function summarise(result) {
  return {
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    // No answer within the run: no latency to report, and every latency target is missed.
    p50: result.requests.total ? result.latency.p50 : NaN,
    p99: result.requests.total ? result.latency.p99 : NaN,
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

module.exports = { load };
