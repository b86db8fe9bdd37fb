import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../db/sql';
import { openHttpsSecrets, type HttpsSecrets } from './connection-secrets';
import type { SecretBox } from './crypto';
import { ConnectionType } from './enums';
import { InvalidInputError, NotFoundError } from './errors';

export interface ConnectionTestResult {
  ok: boolean;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
}

/** Makes the test call itself: execution/ gives the dispatcher's, so this layer needs no HTTP. */
export type TestCall = (target: HttpsSecrets, connectionId: string, connectionKey: string) => Promise<ConnectionTestResult>;

/** Checks the connection can be called (HTTPS, with secrets), then has `call` call it; nothing is stored. */
export async function testConnection(em: EntityManager, box: SecretBox, call: TestCall, key: string): Promise<ConnectionTestResult> {
  const [row] = await query<{ id: string; connectionType: ConnectionType; secrets: string | null }>(
    em,
    'select id, connection_type as "connectionType", secrets from connection_config where key = ?',
    [key],
  );
  if (!row) throw new NotFoundError(`connection "${key}" does not exist`);
  if (row.connectionType !== ConnectionType.HTTPS)
    throw new InvalidInputError(`connection "${key}" is ${row.connectionType}; only HTTPS connections can be called`);
  if (!row.secrets) throw new InvalidInputError(`connection "${key}" has no secrets; set them with setConnectionSecrets first`);
  let target: HttpsSecrets;
  try {
    target = openHttpsSecrets(box, row.secrets);
  } catch {
    throw new InvalidInputError(`the secrets of connection "${key}" could not be decrypted; set them again`);
  }
  return call(target, row.id, key);
}
