import type { AccessLevel, ConnectionType, WebhookDirection, WebhookPhase } from './enums';

/** Plain rows the read side returns; no entity hydration on read paths. */
export interface ConnectionConfigView {
  id: string;
  key: string;
  name: string;
  connectionType: ConnectionType;
  access: AccessLevel;
  disabled: boolean;
  description: string | null;
  hasSecrets: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface PolicyView {
  id: string;
  key: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface WebhookView {
  id: string;
  policyId: string;
  phase: WebhookPhase;
  order: number;
  key: string;
  name: string;
  direction: WebhookDirection;
  required: boolean;
  connectionConfigId: string;
}

export interface WebhookOrder {
  key: string;
  order: number;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Null when the caller did not ask for the count. */
  totalCount: number | null;
}

export const CONNECTION_COLUMNS = `id, key, name, connection_type as "connectionType", access, disabled, description,
  has_secrets as "hasSecrets", created_at as "createdAt", updated_at as "updatedAt"`;
export const POLICY_COLUMNS = `id, key, name, created_at as "createdAt", updated_at as "updatedAt"`;
export const WEBHOOK_COLUMNS = `id, policy_id as "policyId", phase, position as "order", key, name, direction, required,
  connection_config_id as "connectionConfigId"`;
