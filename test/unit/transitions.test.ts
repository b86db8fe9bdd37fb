import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PrivacyRequestStatus as S } from '../../src/domain/enums';
import { canMove, TRANSITIONS, type Action } from '../../src/domain/privacy-request';

const { PENDING, IN_PROCESSING, PAUSED, COMPLETE, ERROR, CANCELED } = S;

/** Each action with every status it may move from and the status it moves to; every other status is refused. */
const LIFECYCLE: [Action, S[], S][] = [
  ['create', [], PENDING],
  ['claim', [PENDING, IN_PROCESSING], IN_PROCESSING],
  ['saveProgress', [IN_PROCESSING], IN_PROCESSING],
  ['pause', [IN_PROCESSING], PAUSED],
  ['resume', [PAUSED], PENDING],
  ['complete', [IN_PROCESSING], COMPLETE],
  ['fail', [IN_PROCESSING], ERROR],
  ['giveUp', [PENDING, IN_PROCESSING], ERROR],
  ['expire', [PAUSED], ERROR],
  ['retry', [ERROR], PENDING],
  ['cancel', [PENDING, PAUSED], CANCELED],
];

it('lists every action of the table', () => {
  expect(LIFECYCLE.map(([action]) => action).sort()).toEqual(Object.keys(TRANSITIONS).sort());
});

describe.each(LIFECYCLE)('%s', (action, from, to) => {
  it(`moves to ${to}`, () => {
    expect(TRANSITIONS[action].to).toBe(to);
  });
  it.each(Object.values(S))('from %s: allowed only if listed', (status) => {
    expect(canMove(action, status)).toBe(from.includes(status));
  });
});

it('COMPLETE and CANCELED are final: no action moves a request out of them', () => {
  for (const action of Object.keys(TRANSITIONS) as Action[]) {
    expect([canMove(action, COMPLETE), canMove(action, CANCELED)]).toEqual([false, false]);
  }
});

/** The one place a status is written; create.ts inserts the initial one. */
it('no statement outside change-status.ts updates privacy_request', () => {
  const src = resolve(__dirname, '../../src');
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  })(src).filter((f) => f.endsWith('.ts') && !f.includes('/migrations/'));
  const writers = files.filter((f) => /update\s+"?privacy_request"?\s/i.test(readFileSync(f, 'utf8'))).map((f) => relative(src, f));
  expect(writers).toEqual(['domain/privacy-request/change-status.ts']);
});
