import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ConnectionConfig } from '../db/entities';
import type { SecretBox } from './crypto';
import { ConnectionType } from './enums';
import { InvalidInputError, NotFoundError } from './errors';
import { headerValueProblem } from './http-header';
import { isSigningSecret, SIGNING_SECRET_RULE } from './signing-secret';
import { inTransaction } from './transaction';
import type { ConnectionConfigView } from './views';
import { parseWebhookUrl } from './webhook-url';
import { findConnectionsByIds } from './connections';

export interface HttpsSecrets {
  url: string;
  authorization: string;
  signingSecret?: string | null;
}

export interface PostgresSecrets {
  host: string;
  port?: number | null;
  dbname: string;
  username: string;
  password?: string | null;
  sslMode?: string | null;
}

export interface ConnectionSecretsInput {
  https?: HttpsSecrets | null;
  postgres?: PostgresSecrets | null;
}

export type StoredSecrets = { https: HttpsSecrets } | { postgres: PostgresSecrets };

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];
const MAX_SECRET_FIELD = 4096;

/** Replaces the connection's whole secret, sealed with the SecretBox. */
export async function setConnectionSecrets(
  em: EntityManager,
  box: SecretBox,
  key: string,
  input: ConnectionSecretsInput,
): Promise<ConnectionConfigView> {
  const id = await inTransaction(em, async (tx) => {
    const connection = await tx.findOne(ConnectionConfig, { key }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!connection) throw new NotFoundError(`connection "${key}" does not exist`);
    const secrets = validateSecrets(connection.connectionType, input);
    connection.secrets = box.encryptJson(secrets);
    connection.hasSecrets = true;
    connection.updatedAt = new Date();
    return connection.id;
  });
  const [view] = await findConnectionsByIds(em, [id]);
  return view;
}

/** Exactly one member, the one that matches the connection's type. Messages never echo secret values. */
export function validateSecrets(type: ConnectionType, input: ConnectionSecretsInput): StoredSecrets {
  const given = (['https', 'postgres'] as const).filter((m) => input[m] !== undefined && input[m] !== null);
  const expected = type === ConnectionType.HTTPS ? 'https' : 'postgres';
  if (given.length !== 1) {
    throw new InvalidInputError(`secrets must have exactly one member; this ${type} connection takes "${expected}"`);
  }
  if (given[0] !== expected) {
    throw new InvalidInputError(`this is a ${type} connection: give "${expected}" secrets, not "${given[0]}"`);
  }
  return type === ConnectionType.HTTPS ? { https: validateHttps(input.https!) } : { postgres: validatePostgres(input.postgres!) };
}

function validateHttps(s: HttpsSecrets): HttpsSecrets {
  const url = parseWebhookUrl(s.url);
  if (!(url instanceof URL)) throw new InvalidInputError(`https.url ${url.problem}`);
  checkLength('https.url', s.url);
  checkLength('https.authorization', s.authorization);
  const unsendable = headerValueProblem('https.authorization', s.authorization);
  if (unsendable) throw new InvalidInputError(unsendable);
  if (s.signingSecret !== undefined && s.signingSecret !== null) {
    if (!isSigningSecret(s.signingSecret)) throw new InvalidInputError(`https.signingSecret must be ${SIGNING_SECRET_RULE}`);
  }
  return { url: s.url, authorization: s.authorization, signingSecret: s.signingSecret ?? null };
}

function validatePostgres(s: PostgresSecrets): PostgresSecrets {
  const port = s.port ?? 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidInputError('postgres.port must be 1-65535');
  for (const field of ['host', 'dbname', 'username'] as const) {
    if (!s[field]?.trim()) throw new InvalidInputError(`postgres.${field} must not be empty`);
    checkLength(`postgres.${field}`, s[field]);
  }
  if (s.sslMode && !SSL_MODES.includes(s.sslMode)) {
    throw new InvalidInputError(`postgres.sslMode must be one of ${SSL_MODES.join(', ')}`);
  }
  if (s.password) checkLength('postgres.password', s.password);
  return { host: s.host, port, dbname: s.dbname, username: s.username, password: s.password ?? null, sslMode: s.sslMode ?? null };
}

function checkLength(field: string, value: string): void {
  if (value.length > MAX_SECRET_FIELD) throw new InvalidInputError(`${field} is longer than ${MAX_SECRET_FIELD} characters`);
}

/** For the dispatcher: the decrypted secrets of an HTTPS connection. */
export function openHttpsSecrets(box: SecretBox, sealed: string): HttpsSecrets {
  const secrets = box.decryptJson<StoredSecrets>(sealed);
  if (!('https' in secrets)) throw new Error('connection secrets are not HTTPS secrets');
  return secrets.https;
}
