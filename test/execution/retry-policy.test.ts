import { backoffDelayMs, parseRetryAfterMs } from '../../src/execution/retry-policy';

test('backoff is full jitter under an exponential ceiling capped at the maximum', () => {
  const almostOne = () => 0.9999;
  expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, 100, 500, null, almostOne))).toEqual([99, 199, 399, 499]);
  expect([1, 2, 3].map((attempt) => backoffDelayMs(attempt, 100, 500, null, () => 0))).toEqual([0, 0, 0]);
});

test('a Retry-After replaces the backoff and is capped at the maximum', () => {
  expect(backoffDelayMs(1, 100, 5000, 2000)).toBe(2000);
  expect(backoffDelayMs(1, 100, 5000, 3_600_000)).toBe(5000);
});

test('Retry-After is read as seconds or as an HTTP-date; anything else is ignored', () => {
  const now = Date.parse('Sat, 28 Nov 2026 20:00:00 GMT');
  expect(parseRetryAfterMs('3', now)).toBe(3000);
  expect(parseRetryAfterMs('Sat, 28 Nov 2026 20:00:05 GMT', now)).toBe(5000);
  expect(parseRetryAfterMs('Sat, 28 Nov 2026 19:00:00 GMT', now)).toBe(0);
  expect(parseRetryAfterMs('soon', now)).toBeNull();
  expect(parseRetryAfterMs('-1', now)).toBeNull();
  expect(parseRetryAfterMs(undefined, now)).toBeNull();
});
