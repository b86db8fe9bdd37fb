import { rmSync } from 'node:fs';

/** Stops the embedded test cluster of global-setup.ts and removes its directory. */
export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.embeddedTestDatabase;
  if (!embedded) return;
  globalThis.embeddedTestDatabase = undefined;
  try {
    await embedded.postgres.stop();
  } finally {
    rmSync(embedded.dataDir, { recursive: true, force: true });
  }
}
