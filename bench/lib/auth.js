'use strict';

/**
 * The Authorization header for the bench's requests: a bearer token for the root client from
 * POST /oauth/token, or none while the server has no such endpoint (404).
 */
async function authHeaders(url, clientId, clientSecret) {
  const res = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  const text = await res.text();
  if (res.status === 404) return {};
  if (!res.ok) throw new Error(`POST /oauth/token answered ${res.status}: ${text.slice(0, 200)}`);
  const { access_token: token } = JSON.parse(text);
  return { authorization: `Bearer ${token}` };
}

module.exports = { authHeaders };
