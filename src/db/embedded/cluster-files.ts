import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runToCompletion } from './processes';
import { assertReachableBy, type RunAs } from './system-user';

/** Where the embedded cluster keeps its files inside DATA_DIR. */
export interface ClusterPaths {
  /** The PostgreSQL data directory. */
  pgDir: string;
  /** Password of the cluster's superuser "postgres", generated with the cluster. */
  passwordFile: string;
  /** PostgreSQL's own log of the latest start. */
  logFile: string;
}

export function clusterPaths(dataDir: string): ClusterPaths {
  return { pgDir: join(dataDir, 'pg'), passwordFile: join(dataDir, 'pg.password'), logFile: join(dataDir, 'pg.log') };
}

/**
 * Creates the cluster on first use. initdb writes into a scratch directory that is renamed
 * into place only when complete, so a start interrupted during initdb never leaves a half
 * cluster behind. Returns the superuser password.
 */
export async function ensureCluster(paths: ClusterPaths, initdb: string, runAs: RunAs | undefined): Promise<string> {
  if (existsSync(join(paths.pgDir, 'PG_VERSION'))) return readPassword(paths);
  if (existsSync(paths.pgDir)) {
    throw new Error(`${paths.pgDir} exists but is not a PostgreSQL cluster; move it away or set DATA_DIR to another directory`);
  }
  const scratch = `${paths.pgDir}.initialising`;
  const pwfile = `${scratch}.pw`;
  rmSync(scratch, { recursive: true, force: true });
  rmSync(pwfile, { force: true });
  mkdirSync(scratch, { recursive: true, mode: 0o700 });
  const password = randomBytes(18).toString('base64url');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      mkdirSync(dirname(paths.pgDir), { recursive: true });
      assertReachableBy(
        dirname(paths.pgDir),
        runAs,
        `keep DATA_DIR where ${runAs.name} can reach it (not under /root), or run as an ordinary user`,
      );
      chownSync(scratch, runAs.uid, runAs.gid);
      chownSync(pwfile, runAs.uid, runAs.gid);
    }
    await runToCompletion(
      initdb,
      [
        `--pgdata=${scratch}`,
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--no-instructions',
      ],
      runAs,
    );
    writeFileSync(paths.passwordFile, `${password}\n`, { mode: 0o600 });
    renameSync(scratch, paths.pgDir);
  } finally {
    rmSync(pwfile, { force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
  return password;
}

function readPassword(paths: ClusterPaths): string {
  try {
    return readFileSync(paths.passwordFile, 'utf8').trim();
  } catch {
    throw new Error(
      `${paths.passwordFile} is missing, so the embedded cluster in ${paths.pgDir} cannot be opened; delete ${paths.pgDir} to start over with an empty one`,
    );
  }
}
