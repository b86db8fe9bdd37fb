import type { EntityManager } from '@mikro-orm/postgresql';
import { changeStatus } from './change-status';
import type { ClaimedRun, Progress } from './run';
import { progressChange } from './save-progress';

const FINISHED = { sql: 'finished_at = now()', params: [] };

/** IN_PROCESSING -> COMPLETE; with the last unit's progress, in the statement that saves it. */
export async function complete(em: EntityManager, run: ClaimedRun, progress?: Progress): Promise<boolean> {
  const change = progress ? progressChange(run, progress, FINISHED) : { id: run.requestId, runId: run.runId, set: FINISHED };
  return (await changeStatus(em, 'complete', change)).length > 0;
}
