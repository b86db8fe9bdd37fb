import { randomBytes } from 'node:crypto';
import { keptInDataDir, type Config } from '../config';
import type { RootClient } from './api-clients';

export interface ResolvedRootClient extends RootClient {
  /** Set when the credentials come from the data directory rather than the environment. */
  file?: string;
}

/**
 * The root client from OAUTH_ROOT_CLIENT_ID/SECRET. loadConfig refuses production without them;
 * elsewhere they are generated once and kept (mode 0600) in the data directory.
 */
export function resolveRootClient(config: Config): ResolvedRootClient {
  if (config.rootClientId && config.rootClientSecret) {
    return { clientId: config.rootClientId, clientSecret: config.rootClientSecret };
  }
  if (config.production) throw new Error('OAUTH_ROOT_CLIENT_ID and OAUTH_ROOT_CLIENT_SECRET are required when NODE_ENV=production');
  const { file, text } = keptInDataDir(config.dataDir, 'root-client.json', () =>
    JSON.stringify({ clientId: `root_${randomBytes(6).toString('hex')}`, clientSecret: randomBytes(32).toString('base64url') }, null, 2),
  );
  const stored = JSON.parse(text) as Partial<RootClient>;
  if (typeof stored.clientId !== 'string' || typeof stored.clientSecret !== 'string') {
    throw new Error(`${file} must hold {"clientId", "clientSecret"}; delete it to generate new root credentials`);
  }
  return { clientId: stored.clientId, clientSecret: stored.clientSecret, file };
}
