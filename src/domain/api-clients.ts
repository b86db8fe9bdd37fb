import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { ApiClient } from '../db/entities';
import { InvalidInputError, NotFoundError } from './errors';
import { truncate } from './keys';
import { inTransaction } from './transaction';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

/** A stored client as listed: never its secret or hash. */
export interface ApiClientView {
  clientId: string;
  scopes: string[];
  createdAt: Date;
  revokedAt: Date | null;
}

/** The client configured through OAUTH_ROOT_CLIENT_ID/SECRET (or generated in development). */
export interface RootClient {
  clientId: string;
  clientSecret: string;
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };
// Compared against when the client id is unknown, so an unknown id costs as much as a wrong secret.
const UNKNOWN_CLIENT_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${'A'.repeat(22)}$${'A'.repeat(43)}`;

/**
 * Creates a client with the given scopes; the secret is returned here once and only its scrypt
 * hash is stored. Scope names must be among knownScopes.
 */
export async function createApiClient(em: EntityManager, requested: string[], knownScopes: readonly string[]): Promise<ClientCredentials> {
  const scopes = validScopes(requested, knownScopes);
  const clientId = `dsr_${randomBytes(12).toString('hex')}`;
  const clientSecret = randomBytes(32).toString('base64url');
  const secretHash = await hashSecret(clientSecret);
  await inTransaction(em, async (tx) => {
    tx.create(ApiClient, { clientId, secretHash, scopes, createdAt: new Date() });
    await tx.flush();
  });
  return { clientId, clientSecret, scopes };
}

/** Every stored client, oldest first, revoked ones included. The root client lives in configuration, not here. */
export async function listApiClients(em: EntityManager): Promise<ApiClientView[]> {
  const clients = await em.fork().find(ApiClient, {}, { orderBy: { createdAt: 'asc', clientId: 'asc' } });
  return clients.map(viewOf);
}

/**
 * Revokes a stored client: its secret is refused from now on and tokens issued to it stop
 * working (see ClientAccess). Revoking a revoked client changes nothing. The root client cannot
 * be revoked: its credentials come from the environment.
 */
export async function revokeApiClient(em: EntityManager, root: Pick<RootClient, 'clientId'>, clientId: string): Promise<ApiClientView> {
  if (clientId === root.clientId) {
    throw new InvalidInputError(
      'the root client cannot be revoked: its credentials come from OAUTH_ROOT_CLIENT_ID/OAUTH_ROOT_CLIENT_SECRET; change them and restart instead',
    );
  }
  return inTransaction(em, async (tx) => {
    const client = await tx.findOne(ApiClient, { clientId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!client) throw new NotFoundError(`API client "${truncate(clientId)}" does not exist`);
    client.revokedAt ??= new Date();
    return viewOf(client);
  });
}

/** Whether a stored client exists and is not revoked. */
export async function isActiveClient(em: EntityManager, clientId: string): Promise<boolean> {
  const client = await em.fork().findOne(ApiClient, { clientId }, { fields: ['revokedAt'] });
  return Boolean(client && !client.revokedAt);
}

function viewOf(client: ApiClient): ApiClientView {
  return { clientId: client.clientId, scopes: client.scopes, createdAt: client.createdAt, revokedAt: client.revokedAt ?? null };
}

export function validScopes(requested: string[], knownScopes: readonly string[]): string[] {
  const unknown = requested.filter((s) => !knownScopes.includes(s));
  if (unknown.length) {
    throw new InvalidInputError(
      `unknown scope${unknown.length > 1 ? 's' : ''} ${unknown.map((s) => `"${s}"`).join(', ')}; valid scopes are: ${knownScopes.join(', ')}`,
    );
  }
  if (!requested.length) throw new InvalidInputError(`give at least one scope; valid scopes are: ${knownScopes.join(', ')}`);
  return [...new Set(requested)];
}

/**
 * The scopes of the client these credentials belong to, or null when they are wrong or the client
 * is revoked. The root client holds rootScopes.
 */
export async function authenticateClient(
  em: EntityManager,
  root: RootClient,
  rootScopes: readonly string[],
  clientId: string,
  clientSecret: string,
): Promise<string[] | null> {
  if (clientId === root.clientId) return sameSecret(clientSecret, root.clientSecret) ? [...rootScopes] : null;
  const client = await em.fork().findOne(ApiClient, { clientId }, { populate: ['secretHash'] });
  const matches = await verifySecret(clientSecret, client?.secretHash ?? UNKNOWN_CLIENT_HASH);
  return client && matches && !client.revokedAt ? client.scopes : null;
}

async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret, salt);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [, , , , salt, hash] = stored.split('$');
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(secret, Buffer.from(salt, 'base64url'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function scryptAsync(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Constant-time comparison of two strings of any length. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
