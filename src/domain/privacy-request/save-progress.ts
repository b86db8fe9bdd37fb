import type { EntityManager } from '@mikro-orm/postgresql';
import { attemptLog } from './attempts';
import { changeStatus, type Sql, type StatusChange } from './change-status';
import type { ClaimedRun, Progress } from './run';

/**
 * A checkpoint: logs the unit's attempts and moves the checkpoint (and the identity, when
 * derived) in one statement. False when the run is no longer this job's: call no further webhook.
 */
export async function saveProgress(em: EntityManager, run: ClaimedRun, progress: Progress): Promise<boolean> {
  return (await changeStatus(em, 'saveProgress', progressChange(run, progress))).length > 0;
}

/** The run's own compare-and-set with the attempt log and the checkpoint; saveProgress, complete and pause share it. */
export function progressChange(run: ClaimedRun, { attempts, next, sealedIdentity }: Progress, also?: Sql): StatusChange {
  return {
    id: run.requestId,
    runId: run.runId,
    with: attemptLog(run.requestId, attempts),
    set: {
      sql: `next_step = ?, next_position = ?, identity = coalesce(?, identity)${also ? `, ${also.sql}` : ''}`,
      params: [next.step, next.order, sealedIdentity, ...(also?.params ?? [])],
    },
  };
}
