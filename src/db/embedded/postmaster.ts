import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { PostgresBinaries } from './binaries';
import type { ClusterPaths } from './cluster-files';
import { commandLine, isProcessAlive, spawnOptions, waitForExit } from './processes';
import type { RunAs } from './system-user';

export class PostmasterStartError extends Error {
  constructor(
    message: string,
    readonly portInUse: boolean,
  ) {
    super(message);
  }
}

export interface Postmaster {
  /** Fast shutdown (SIGINT), waiting until PostgreSQL has exited. */
  stop(): Promise<void>;
  /** Asks for a fast shutdown without waiting: for process.on('exit'), where nothing async runs. */
  signalStop(): void;
}

const START_TIMEOUT_MS = 120_000; // crash recovery after an unclean stop can replay a lot of WAL
const STOP_TIMEOUT_MS = 30_000;

/**
 * Starts postgres on 127.0.0.1:port only (no unix socket), in its own process group so a
 * terminal's Ctrl-C reaches the app first and the app stops it after closing its pool.
 * Its output goes to the log file, so it keeps running safely if the app is killed.
 */
export async function startPostmaster(
  bin: PostgresBinaries,
  paths: ClusterPaths,
  port: number,
  settings: Record<string, string>,
  runAs: RunAs | undefined,
): Promise<Postmaster> {
  const args = ['-D', paths.pgDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  const log = openSync(paths.logFile, 'w', 0o600);
  let child: ChildProcess;
  try {
    child = spawn(bin.postgres, args, { ...spawnOptions(runAs), detached: true, stdio: ['ignore', log, log] });
  } finally {
    closeSync(log);
  }
  child.unref();
  let exited = false;
  let failure: string | undefined;
  child.once('error', (err) => (failure ??= err.message));
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      failure ??= logTail(paths.logFile);
      resolve();
    }),
  );

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!isReady(paths.pgDir, child.pid)) {
    if (failure === undefined && Date.now() > deadline) {
      child.kill('SIGQUIT');
      await exit;
      failure = `not ready after ${START_TIMEOUT_MS / 1000} s; ${logTail(paths.logFile)}`;
    }
    if (failure !== undefined) {
      throw new PostmasterStartError(
        `the embedded PostgreSQL did not start (log: ${paths.logFile}): ${failure}`,
        failure.includes('Address already in use'),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    signalStop: () => {
      if (!exited) child.kill('SIGINT');
    },
    async stop() {
      if (exited || failure !== undefined) return;
      child.ref();
      child.kill('SIGINT');
      let timer: NodeJS.Timeout | undefined;
      const stopped = await Promise.race([
        exit.then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), STOP_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
      if (!stopped) {
        child.kill('SIGQUIT');
        await exit;
      }
    },
  };
}

/** postmaster.pid: line 1 the pid, line 8 the status, "ready" once connections are accepted. */
function isReady(pgDir: string, pid: number | undefined): boolean {
  const lines = readPidFile(pgDir);
  return lines !== undefined && Number(lines[0]) === pid && lines[7]?.trim() === 'ready';
}

function readPidFile(pgDir: string): string[] | undefined {
  try {
    return readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
}

/**
 * After an unclean stop of the app (SIGKILL, power loss) the cluster may still be running
 * orphaned, or postmaster.pid may name a pid that now belongs to something else. The caller
 * holds the data directory lock, so any postgres on this data directory is such an orphan:
 * stop it. PostgreSQL itself replays its WAL at the next start. Returns what was done.
 */
export async function recoverAfterUncleanStop(pgDir: string): Promise<string | undefined> {
  const pid = Number(readPidFile(pgDir)?.[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return undefined;
  const cmdline = commandLine(pid);
  if (cmdline === undefined) return undefined; // no /proc: let PostgreSQL judge its lock file
  if (!(cmdline.includes('postgres') && cmdline.includes(pgDir))) {
    unlinkSync(join(pgDir, 'postmaster.pid'));
    return `removed a stale postmaster.pid (pid ${pid} is now another program)`;
  }
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) {
    process.kill(pid, 'SIGQUIT');
    if (!(await waitForExit(pid, 10_000))) throw new Error(`could not stop the orphaned embedded PostgreSQL (pid ${pid}) on ${pgDir}`);
  }
  return `stopped the embedded PostgreSQL (pid ${pid}) left running by a server that did not stop cleanly`;
}

function logTail(file: string): string {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    return lines.slice(-5).join(' | ') || '(no output)';
  } catch {
    return '(no log)';
  }
}
