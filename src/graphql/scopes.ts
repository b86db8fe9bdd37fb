/** Every scope a client can hold; each query, mutation and relation field names the one it needs. */
export const Scope = {
  CONNECTION_READ: 'connection:read',
  CONNECTION_CREATE_OR_UPDATE: 'connection:create_or_update',
  CONNECTION_DELETE: 'connection:delete',
  POLICY_READ: 'policy:read',
  POLICY_CREATE_OR_UPDATE: 'policy:create_or_update',
  POLICY_DELETE: 'policy:delete',
  WEBHOOK_READ: 'webhook:read',
  WEBHOOK_CREATE_OR_UPDATE: 'webhook:create_or_update',
  WEBHOOK_DELETE: 'webhook:delete',
  PRIVACY_REQUEST_READ: 'privacy-request:read',
  PRIVACY_REQUEST_CREATE: 'privacy-request:create',
  PRIVACY_REQUEST_RESUME: 'privacy-request:resume',
  PRIVACY_REQUEST_REVIEW: 'privacy-request:review',
  CLIENT_CREATE: 'client:create',
  /** Lists and revokes API clients. */
  CLIENT_ADMIN: 'client:admin',
} as const;

export type ScopeName = (typeof Scope)[keyof typeof Scope];

export const ALL_SCOPES: ScopeName[] = Object.values(Scope);

/**
 * The scope that reads each entity type, on every path that reaches it: a root query or a nested
 * field returning one of these names it in its `@Authorized` (test/auth-scopes.test.ts walks the
 * schema). A mutation's own answer is the exception: its write scope covers what it returns.
 */
export const READ_SCOPE_OF_TYPE: Readonly<Record<string, ScopeName>> = {
  Policy: Scope.POLICY_READ,
  PolicyWebhook: Scope.WEBHOOK_READ,
  ConnectionConfig: Scope.CONNECTION_READ,
  PrivacyRequest: Scope.PRIVACY_REQUEST_READ,
  ApiClient: Scope.CLIENT_ADMIN,
};
