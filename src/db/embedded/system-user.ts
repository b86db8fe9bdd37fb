import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, parse } from 'node:path';

/** The account PostgreSQL runs as when this process is root (PostgreSQL refuses to run as root). */
export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

export const SYSTEM_USER = 'dsr-hooks';

/**
 * undefined when this process is not root: the cluster then simply belongs to the current user.
 * As root: the system user dsr-hooks, created when missing; `nobody` where no user can be created.
 */
export function unprivilegedUser(warn: (message: string) => void): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const existing = lookup(SYSTEM_USER);
  if (existing) return existing;
  createSystemUser(SYSTEM_USER);
  // looked up again even when useradd failed: a concurrent start may have created it meanwhile
  const created = lookup(SYSTEM_USER);
  if (created) return created;
  const nobody = lookup('nobody');
  if (nobody) {
    warn(`running as root and could not create the system user ${SYSTEM_USER}: the embedded PostgreSQL runs as "nobody"`);
    return nobody;
  }
  throw new Error(
    `running as root, and PostgreSQL refuses to run as root: create a system user "${SYSTEM_USER}" ` +
      '(useradd --system dsr-hooks), run as an ordinary user, or set DATABASE_URL',
  );
}

function lookup(name: string): RunAs | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) && uid !== 0 ? { name, uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/** useradd (Debian, Ubuntu, RHEL) or BusyBox adduser (Alpine); best effort. */
function createSystemUser(name: string): void {
  const attempts: [string, string[]][] = [
    ['useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', name]],
    ['adduser', ['-S', '-D', '-H', '-s', '/sbin/nologin', name]],
  ];
  for (const [command, args] of attempts) {
    try {
      execFileSync(command, args, { stdio: 'ignore' });
      return;
    } catch {
      // not available here, or not allowed: try the next way
    }
  }
}

/**
 * PostgreSQL, running as runAs, must be able to enter every directory above its files; one
 * under /root, for example, it cannot. Says so before PostgreSQL fails obscurely.
 */
export function assertReachableBy(dir: string, runAs: RunAs, advice?: string): void {
  const blocked = firstUnreachableDir(dir, runAs);
  if (blocked) {
    throw new Error(
      `the embedded PostgreSQL runs as user ${runAs.name} (not root), which cannot enter ${blocked}${advice ? `; ${advice}` : ''}`,
    );
  }
}

/** The first directory on the way to dir that runAs may not search, if any. */
export function firstUnreachableDir(dir: string, runAs: RunAs): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const st = statSync(current);
    const searchable = st.uid === runAs.uid ? st.mode & 0o100 : st.gid === runAs.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!searchable) return current;
    if (current === parse(current).root) return undefined;
  }
}
