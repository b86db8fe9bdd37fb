import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from './processes';

export class DataDirInUseError extends Error {}

export interface DataDirLock {
  file: string;
  release(): void;
}

/** Data directories this process holds, so a second start in the same process is refused too. */
const heldHere = new Set<string>();

/**
 * One server per data directory: a lock file holding the owner's pid, created exclusively.
 * A lock whose pid no longer runs is stale (an unclean stop) and is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = join(dataDir, 'server.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file)) {
      heldHere.add(file);
      return { file, release: () => release(file) };
    }
    const owner = readOwner(file);
    if (owner !== undefined && isRunningOwner(owner, file)) {
      throw new DataDirInUseError(
        `DATA_DIR ${dataDir} is in use by another dsr-hooks server (pid ${owner}, lock file ${file}). ` +
          'Stop that server, or set DATA_DIR to another directory. If no server is running, delete the lock file.',
      );
    }
    try {
      unlinkSync(file);
    } catch {
      // another starter took it over first; the next attempt sees its lock
    }
  }
  throw new DataDirInUseError(`could not take the lock ${file}: another server is starting on DATA_DIR ${dataDir}`);
}

function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  writeSync(fd, `${process.pid}\n`);
  closeSync(fd);
  return true;
}

function readOwner(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Our own pid in a lock we do not hold is a previous life of this process slot (a restarted container). */
function isRunningOwner(pid: number, file: string): boolean {
  if (pid === process.pid) return heldHere.has(file);
  return isProcessAlive(pid);
}

function release(file: string): void {
  if (!heldHere.delete(file)) return;
  if (readOwner(file) === process.pid) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
}
