import { PrivacyRequestStatus as S } from '../enums';

/**
 * The privacy-request lifecycle: which action moves a request from which statuses to which.
 * Every status change is a compare-and-set on this table (change-status.ts); a file per action
 * beside this one holds its statement. `create` inserts, so it has no status to move from.
 */
export const TRANSITIONS = {
  create: { from: [], to: S.PENDING },
  /** The worker takes the run; IN_PROCESSING too, when a crashed worker's job is picked up again. */
  claim: { from: [S.PENDING, S.IN_PROCESSING], to: S.IN_PROCESSING },
  /** A checkpoint: the status stays, the compare-and-set proves the run is still this job's. */
  saveProgress: { from: [S.IN_PROCESSING], to: S.IN_PROCESSING },
  pause: { from: [S.IN_PROCESSING], to: S.PAUSED },
  resume: { from: [S.PAUSED], to: S.PENDING },
  complete: { from: [S.IN_PROCESSING], to: S.COMPLETE },
  /** A webhook (or the EXECUTION step) failed the request. */
  fail: { from: [S.IN_PROCESSING], to: S.ERROR },
  /** The run job's last attempt failed unexpectedly: the request must not stay PENDING or IN_PROCESSING. */
  giveUp: { from: [S.PENDING, S.IN_PROCESSING], to: S.ERROR },
  /** The reply-to token of the pause expired unused. */
  expire: { from: [S.PAUSED], to: S.ERROR },
  retry: { from: [S.ERROR], to: S.PENDING },
  cancel: { from: [S.PENDING, S.PAUSED], to: S.CANCELED },
} as const satisfies Record<string, { from: readonly S[]; to: S }>;

export type Action = keyof typeof TRANSITIONS;

/** Whether the action may move a request that is in this status. */
export function canMove(action: Action, status: S): boolean {
  return (TRANSITIONS[action].from as readonly S[]).includes(status);
}
