import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ConnectionConfig } from '../db/entities';
import type { SecretBox } from './crypto';
import { ConnectionType } from './enums';
import { InvalidInputError, NotFoundError } from './errors';
import { headerValueProblem, isHeaderName } from './http-header';
import { isSigningSecret, SIGNING_SECRET_RULE } from './signing-secret';
import { inTransaction } from './transaction';
import type { ConnectionConfigView } from './views';
import { parseWebhookUrl } from './webhook-url';
import { findConnectionsByIds } from './connections';

export interface HeaderSecret {
  name: string;
  value: string;
}

/** OAuth 2.0 client credentials: the dispatcher trades them at tokenUrl for a bearer token. */
export interface OAuth2Credentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string | null;
}

export interface HttpsSecrets {
  url: string;
  authorization?: string | null;
  signingSecret?: string | null;
  headers?: HeaderSecret[] | null;
  oauth2?: OAuth2Credentials | null;
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
const MAX_HEADERS = 20;
/** The server sets these itself: framing, the body's type, the signature, the credentials and the reply-to pair. */
const FORBIDDEN_HEADERS = [
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'authorization',
  'reply-to',
  'reply-to-token',
];

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
  checkUrl('https.url', s.url);
  const authorization = s.authorization ?? null;
  if (authorization !== null) checkHeaderValue('https.authorization', authorization);
  if (authorization !== null && s.oauth2) throw new InvalidInputError('https: give authorization or oauth2, not both');
  if (s.signingSecret !== undefined && s.signingSecret !== null) {
    if (!isSigningSecret(s.signingSecret)) throw new InvalidInputError(`https.signingSecret must be ${SIGNING_SECRET_RULE}`);
  }
  return {
    url: s.url,
    authorization,
    signingSecret: s.signingSecret ?? null,
    ...(s.headers?.length ? { headers: validateHeaders(s.headers) } : {}),
    ...(s.oauth2 ? { oauth2: validateOAuth2(s.oauth2) } : {}),
  };
}

function checkUrl(field: string, raw: string): void {
  const url = parseWebhookUrl(raw);
  if (!(url instanceof URL)) throw new InvalidInputError(`${field} ${url.problem}`);
  checkLength(field, raw);
}

/** Names are echoed in errors (they are not secret), values never. */
function validateHeaders(headers: HeaderSecret[]): HeaderSecret[] {
  if (headers.length > MAX_HEADERS) throw new InvalidInputError(`https.headers takes at most ${MAX_HEADERS} headers`);
  const seen = new Set<string>();
  return headers.map(({ name, value }, i) => {
    if (!isHeaderName(name))
      throw new InvalidInputError(`https.headers[${i}].name must be an HTTP token (letters, digits and !#$%&'*+-.^_\`|~)`);
    const lower = name.toLowerCase();
    if (FORBIDDEN_HEADERS.includes(lower) || lower.startsWith('webhook-')) {
      throw new InvalidInputError(
        `https.headers[${i}]: "${name}" is set by the server and cannot be given${lower === 'authorization' ? '; use https.authorization or https.oauth2' : ''}`,
      );
    }
    if (seen.has(lower)) throw new InvalidInputError(`https.headers: "${name}" is given more than once`);
    seen.add(lower);
    checkHeaderValue(`https.headers[${i}].value`, value);
    return { name, value };
  });
}

function validateOAuth2(o: OAuth2Credentials): OAuth2Credentials {
  checkUrl('https.oauth2.tokenUrl', o.tokenUrl);
  for (const field of ['clientId', 'clientSecret'] as const) {
    if (!o[field]) throw new InvalidInputError(`https.oauth2.${field} must not be empty`);
    checkLength(`https.oauth2.${field}`, o[field]);
  }
  if (o.scope) checkHeaderValue('https.oauth2.scope', o.scope);
  return { tokenUrl: o.tokenUrl, clientId: o.clientId, clientSecret: o.clientSecret, scope: o.scope || null };
}

function checkHeaderValue(field: string, value: string): void {
  checkLength(field, value);
  const unsendable = headerValueProblem(field, value);
  if (unsendable) throw new InvalidInputError(unsendable);
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
