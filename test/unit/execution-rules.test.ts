import { WebhookDirection } from '../../src/domain/enums';
import type { DeliveryResult } from '../../src/execution/dispatcher';
import { isRedirect, statusProblem } from '../../src/execution/http-attempt';
import { interpretAnswer, type WebhookAnswer } from '../../src/execution/webhook-answer';

const { ONE_WAY, TWO_WAY } = WebhookDirection;

function result(status: number | null, body: string | null, error: string | null = null): DeliveryResult {
  const ok = status !== null && status >= 200 && status < 300 && error === null;
  return { ok, status, body, error: ok ? null : (error ?? (status === null ? null : statusProblem(status))), attempts: [] };
}

describe('interpretAnswer', () => {
  it.each<[string, WebhookDirection, DeliveryResult, WebhookAnswer]>([
    ['one_way: any 2xx is delivered', ONE_WAY, result(204, ''), { kind: 'continue', derived: {} }],
    ['one_way: a 500 is delivered too (the call was made)', ONE_WAY, result(500, 'oops'), { kind: 'continue', derived: {} }],
    [
      'one_way: a redirect is not followed',
      ONE_WAY,
      result(302, ''),
      { kind: 'failed', reason: "webhook 'w' answered 302; redirects are not followed" },
    ],
    [
      'no response at all',
      ONE_WAY,
      result(null, null, 'timed out after 10 ms'),
      { kind: 'failed', reason: "webhook 'w' could not be reached: timed out after 10 ms" },
    ],
    ['two_way: halt false continues', TWO_WAY, result(200, '{"halt": false}'), { kind: 'continue', derived: {} }],
    ['two_way: halt true halts', TWO_WAY, result(200, '{"halt": true}'), { kind: 'halt', derived: {} }],
    [
      'two_way: a derived identity is carried',
      TWO_WAY,
      result(200, '{"halt": false, "derived_identity": {"email": "b@x.io"}}'),
      { kind: 'continue', derived: { email: 'b@x.io' } },
    ],
    ['two_way: a non-2xx fails', TWO_WAY, result(503, ''), { kind: 'failed', reason: "webhook 'w' answered 503" }],
    [
      'two_way: a redirect fails',
      TWO_WAY,
      result(301, ''),
      { kind: 'failed', reason: "webhook 'w' answered 301; redirects are not followed" },
    ],
    [
      'two_way: a 2xx over a limit fails with the limit',
      TWO_WAY,
      result(200, null, 'answered 200 with a body over 10 bytes'),
      { kind: 'failed', reason: "webhook 'w' answered 200 with a body over 10 bytes" },
    ],
    [
      'two_way: a body that is not JSON',
      TWO_WAY,
      result(200, 'ok'),
      { kind: 'failed', reason: "webhook 'w' answered with a body that is not JSON" },
    ],
    [
      'two_way: JSON that is not an object',
      TWO_WAY,
      result(200, '[true]'),
      { kind: 'failed', reason: "webhook 'w' answered with JSON that is not an object" },
    ],
    ['two_way: no halt', TWO_WAY, result(200, '{}'), { kind: 'failed', reason: "webhook 'w' answered without 'halt'" }],
    [
      'two_way: halt that is not a boolean',
      TWO_WAY,
      result(200, '{"halt": "yes"}'),
      { kind: 'failed', reason: "webhook 'w' answered with 'halt' that is not true or false" },
    ],
    [
      'two_way: a derived identity with an unknown field',
      TWO_WAY,
      result(200, '{"halt": false, "derived_identity": {"ssn": "1"}}'),
      { kind: 'failed', reason: "webhook 'w' answered with 'derived_identity' has unknown field 'ssn'" },
    ],
  ])('%s', (_, direction, given, answer) => {
    expect(interpretAnswer('w', direction, given)).toEqual(answer);
  });
});

describe('statusProblem', () => {
  it.each([
    [301, true, 'answered 301; redirects are not followed'],
    [399, true, 'answered 399; redirects are not followed'],
    [400, false, 'answered 400'],
    [299, false, 'answered 299'],
  ])('%i: redirect %p, %j', (status, redirect, problem) => {
    expect([isRedirect(status), statusProblem(status)]).toEqual([redirect, problem]);
  });
});
