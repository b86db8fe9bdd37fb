import { toDate } from '../../src/db/timestamps';
import { bearerToken } from '../../src/http/bearer-token';

describe('toDate (timestamptz text from PostgreSQL)', () => {
  it.each([
    ['2026-11-28 19:27:48.669+00', '2026-11-28T19:27:48.669Z'],
    ['2026-11-28 19:27:48+00', '2026-11-28T19:27:48.000Z'],
    ['2026-11-29 01:12:48.669+05:45', '2026-11-28T19:27:48.669Z'],
    ['2026-11-28 14:27:48.669-05', '2026-11-28T19:27:48.669Z'],
    ['2026-11-28 19:27:48.669123+00', '2026-11-28T19:27:48.669Z'],
  ])('%s is %s', (text, iso) => {
    expect(toDate(text).toISOString()).toBe(iso);
  });
  it('garbage is an Invalid Date, not a guess', () => {
    expect(Number.isNaN(toDate('yesterday').getTime())).toBe(true);
  });
});

describe('bearerToken', () => {
  it.each<[string, string | null]>([
    ['Bearer abc.def', 'abc.def'],
    ['bearer abc', 'abc'],
    ['  Bearer   abc  ', 'abc'],
    ['Bearer', null],
    ['Bearer a b', null],
    ['Basic abc', null],
    ['abc', null],
    ['', null],
  ])('%j -> %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
