/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What the connection may do at the system it reaches. */
export type AccessLevel =
  /** Reads only. */
  | 'READ'
  /** Reads and writes. */
  | 'WRITE';

/** A connection to create, or to update when its key exists. */
export type ConnectionConfigInput = {
  /** What it may do at the system it reaches. */
  access: AccessLevel;
  /** What it reaches; a connection with secrets keeps its type (BAD_USER_INPUT). */
  connectionType: ConnectionType;
  /** Free text, at most 2000 characters. */
  description?: string | null | undefined;
  /** Mark it as switched off; false when absent. */
  disabled?: boolean | null | undefined;
  /** Derived from the name when absent. 1-200 characters of letters, digits, "_", "." and "-". */
  key?: string | null | undefined;
  /** Unique among connections; trimmed, 1-200 characters (CONFLICT when another connection has it). */
  name: string;
};

/** Exactly one member, matching the connection's type. */
export type ConnectionSecretsInput = {
  /** For an HTTPS connection. */
  https?: HttpsSecretsInput | null | undefined;
  /** For a POSTGRES connection. */
  postgres?: PostgresSecretsInput | null | undefined;
};

/** What a connection reaches; it decides which member of ConnectionSecretsInput its secrets take. */
export type ConnectionType =
  /** An HTTP(S) endpoint; webhooks call it. Secrets: `https`. */
  | 'HTTPS'
  /** A PostgreSQL database. Secrets: `postgres`. Webhooks cannot use it. */
  | 'POSTGRES';

/** What one attempt of a webhook call came to. */
export type DeliveryOutcome =
  /** The webhook took it; the request went on. */
  | 'DELIVERED'
  /** No acceptable answer (refused, timed out, an error status or a bad two-way answer); retried while attempts remain. */
  | 'FAILED'
  /** A two-way webhook answered `"halt": true`; the request paused. */
  | 'HALTED'
  /** A webhook of the request's chain deleted before its turn: not called (attempt 0); the request went on. */
  | 'SKIPPED';

/** The steps of a run, in this order. */
export type ExecutionStep =
  /** The data work itself, by a datastore connector (none is installed yet, so the step passes). */
  | 'EXECUTION'
  /** The post-execution webhooks of the request's chain (the policy's when it started), in order. */
  | 'POST_WEBHOOKS'
  /** The pre-execution webhooks of the request's chain (the policy's when it started), in order. */
  | 'PRE_WEBHOOKS';

/** One extra header sent with every call of an HTTPS connection; stored encrypted like the other secrets. */
export type HeaderInput = {
  /** An HTTP token; Host, Content-Length, Content-Type, Transfer-Encoding, Connection, Authorization, reply-to, reply-to-token and webhook-* are refused. */
  name: string;
  /** One line, without control characters. */
  value: string;
};

/** Secrets of an HTTPS connection: where webhook calls go and how they authenticate. */
export type HttpsSecretsInput = {
  /** Sent verbatim as the Authorization header; one line, at most 4096 characters; not together with oauth2. */
  authorization?: string | null | undefined;
  /** Extra headers sent with every call (at most 20). */
  headers?: Array<HeaderInput> | null | undefined;
  /** Get a bearer token with these client credentials and send it as the Authorization header; not together with authorization. */
  oauth2?: OAuth2ClientCredentialsInput | null | undefined;
  /** Optional Standard Webhooks signing secret ("whsec_" and at least 24 base64-encoded bytes); when set, every request is signed. */
  signingSecret?: string | null | undefined;
  /** Absolute http(s) URL the webhook request is POSTed to; at most 4096 characters, without credentials in it. */
  url: string;
};

/** Who a privacy request is about; each given value must be valid (BAD_USER_INPUT). */
export type IdentityInput = {
  /** Email address, at most 254 characters; trimmed. */
  email?: string | null | undefined;
  /** Phone number of digits, spaces, "+", "-", ".", "(", ")", at most 31 characters; trimmed. */
  phoneNumber?: string | null | undefined;
};

/** OAuth 2.0 client credentials the server uses to get a bearer token for its calls to the connection. */
export type OAuth2ClientCredentialsInput = {
  /** Sent with clientSecret as HTTP Basic credentials to tokenUrl. */
  clientId: string;
  /** Never returned, logged or put into an error. */
  clientSecret: string;
  /** Space-separated scopes to ask for; the endpoint's default when absent. */
  scope?: string | null | undefined;
  /** The token endpoint; it is called through the same address guard, timeout and size cap as webhooks. */
  tokenUrl: string;
};

/** A policy to create, or to update when its key exists. */
export type PolicyInput = {
  /** Derived from the name when absent. 1-200 characters of letters, digits, "_", "." and "-". */
  key?: string | null | undefined;
  /** Unique among policies; trimmed, 1-200 characters (CONFLICT when another policy has it). */
  name: string;
};

/** Secrets of a POSTGRES connection. Each text at most 4096 characters. */
export type PostgresSecretsInput = {
  /** Database name; not empty. */
  dbname: string;
  /** Host name or address of the server; not empty. */
  host: string;
  /** The user's password, if the server asks for one. */
  password?: string | null | undefined;
  /** TCP port, 1-65535. */
  port?: number | null | undefined;
  /** libpq sslmode: disable, allow, prefer, require, verify-ca or verify-full. */
  sslMode?: string | null | undefined;
  /** User to log in as; not empty. */
  username: string;
};

/** A privacy request to queue. */
export type PrivacyRequestInput = {
  /** The caller's own reference, 1-200 characters. */
  externalId?: string | null | undefined;
  /** Who it is about: an email, a phone number or both (BAD_USER_INPUT with neither). */
  identity: IdentityInput;
  /** Key of the policy to run (NOT_FOUND when there is none). */
  policyKey: string;
};

/** Where a privacy request stands. */
export type PrivacyRequestStatus =
  /** Stopped by cancelPrivacyRequest. Final. */
  | 'CANCELED'
  /** Every step ran. Final. */
  | 'COMPLETE'
  /** A step failed (see failedStep, failedWebhook, failureReason); retryPrivacyRequest runs it again from there. */
  | 'ERROR'
  /** A worker is running its webhooks or its execution. */
  | 'IN_PROCESSING'
  /** Halted by a two-way pre-execution webhook until resumed with the reply-to token (or canceled); it fails when the token expires. */
  | 'PAUSED'
  /** Queued; a worker will run it (cancelPrivacyRequest can stop it). */
  | 'PENDING';

/** Whether dsr-hooks waits for what the webhook answers (the wire format sends it as `direction`). */
export type WebhookDirection =
  /** A notification: any final HTTP response counts as delivered; its body is ignored. Sent as "one_way". */
  | 'ONE_WAY'
  /** The answer must be a 2xx JSON body `{"halt": boolean, "derived_identity"?: {...}}`, else the request fails. The derived identity is merged into the request's; before execution `"halt": true` pauses the request until it is resumed with the reply-to token the call carried. Sent as "two_way". */
  | 'TWO_WAY';

/** One webhook of an ordered list; give a key, a name or both. */
export type WebhookInput = {
  /** Key of the HTTPS connection to call (NOT_FOUND when none has it; BAD_USER_INPUT for a POSTGRES one). */
  connectionConfigKey: string;
  /** Whether the answer is awaited (TWO_WAY) or not (ONE_WAY). */
  direction: WebhookDirection;
  /** Derived from the name when absent; an existing key keeps its webhook (and id). 1-200 characters of letters, digits, "_", "." and "-". */
  key?: string | null | undefined;
  /** Defaults to the key. Unique within the phase, 1-200 characters. */
  name?: string | null | undefined;
  /** Default true: a failed call fails the request. False: it is recorded and the request goes on. */
  required?: boolean | null | undefined;
};

/** Changes to one webhook; absent or null members stay as they are. */
export type WebhookPatch = {
  /** Key of another HTTPS connection to call. */
  connectionConfigKey?: string | null | undefined;
  /** New direction. */
  direction?: WebhookDirection | null | undefined;
  /** New name, unique within the phase (CONFLICT otherwise), 1-200 characters. */
  name?: string | null | undefined;
  /** Move the webhook to this 0-based position; the others shift to keep 0..n-1. */
  order?: number | null | undefined;
  /** Make the webhook required (a failed call fails the request) or optional. */
  required?: boolean | null | undefined;
};

/** When in a privacy request a webhook runs (the wire format sends it as `callback_type`). */
export type WebhookPhase =
  /** After the request executed, in order. Sent as "post". */
  | 'POST_EXECUTION'
  /** Before the request executes, in order. Sent as "pre". */
  | 'PRE_EXECUTION';

export type ConsoleSetSecretsMutationVariables = Exact<{
  key: string;
  secrets: ConnectionSecretsInput;
}>;


export type ConsoleSetSecretsMutation = { setConnectionSecrets: { key: string, hasSecrets: boolean } };

export type ConsolePatchWebhookMutationVariables = Exact<{
  policyKey: string;
  phase: WebhookPhase;
  key: string;
  patch: WebhookPatch;
}>;


export type ConsolePatchWebhookMutation = { patchWebhook: { resource: { id: string, key: string, name: string, order: number, phase: WebhookPhase, direction: WebhookDirection, required: boolean, connectionConfig: { key: string, name: string } }, newOrder: Array<{ key: string, order: number }> } };

export type ConsoleDeleteWebhookMutationVariables = Exact<{
  policyKey: string;
  phase: WebhookPhase;
  key: string;
}>;


export type ConsoleDeleteWebhookMutation = { deleteWebhook: { newOrder: Array<{ key: string, order: number }> } };

export type ConsoleSetPreWebhooksMutationVariables = Exact<{
  policyKey: string;
  webhooks: Array<WebhookInput> | WebhookInput;
}>;


export type ConsoleSetPreWebhooksMutation = { setPreWebhooks: Array<{ id: string, key: string, name: string, order: number, phase: WebhookPhase, direction: WebhookDirection, required: boolean, connectionConfig: { key: string, name: string } }> };

export type ConsoleSetPostWebhooksMutationVariables = Exact<{
  policyKey: string;
  webhooks: Array<WebhookInput> | WebhookInput;
}>;


export type ConsoleSetPostWebhooksMutation = { setPostWebhooks: Array<{ id: string, key: string, name: string, order: number, phase: WebhookPhase, direction: WebhookDirection, required: boolean, connectionConfig: { key: string, name: string } }> };

export type ConsoleApiClientsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleApiClientsQuery = { apiClients: Array<{ clientId: string, scopes: Array<string>, createdAt: string, revokedAt: string | null }> };

export type ConsoleRevokeApiClientMutationVariables = Exact<{
  clientId: string;
}>;


export type ConsoleRevokeApiClientMutation = { revokeApiClient: { clientId: string, revokedAt: string | null } };

export type ConsoleCreateApiClientMutationVariables = Exact<{
  scopes: Array<string> | string;
}>;


export type ConsoleCreateApiClientMutation = { createApiClient: { clientId: string, clientSecret: string, scopes: Array<string> } };

export type ConnectionRowFragment = { key: string, name: string, connectionType: ConnectionType, access: AccessLevel, disabled: boolean, description: string | null, hasSecrets: boolean, updatedAt: string, health: { consecutiveFailures: number, lastSuccessAt: string | null, lastFailureAt: string | null, lastError: string | null, attemptsLast24h: number, failuresLast24h: number } };

export type ConsoleConnectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleConnectionsQuery = { connectionConfigs: { totalCount: number, edges: Array<{ node: { key: string, name: string, connectionType: ConnectionType, access: AccessLevel, disabled: boolean, description: string | null, hasSecrets: boolean, updatedAt: string, health: { consecutiveFailures: number, lastSuccessAt: string | null, lastFailureAt: string | null, lastError: string | null, attemptsLast24h: number, failuresLast24h: number } } }> } };

export type ConsoleUpsertConnectionMutationVariables = Exact<{
  input: Array<ConnectionConfigInput> | ConnectionConfigInput;
}>;


export type ConsoleUpsertConnectionMutation = { upsertConnectionConfigs: Array<{ key: string, name: string, connectionType: ConnectionType, access: AccessLevel, disabled: boolean, description: string | null, hasSecrets: boolean, updatedAt: string, health: { consecutiveFailures: number, lastSuccessAt: string | null, lastFailureAt: string | null, lastError: string | null, attemptsLast24h: number, failuresLast24h: number } }> };

export type ConsoleTestConnectionMutationVariables = Exact<{
  key: string;
}>;


export type ConsoleTestConnectionMutation = { testConnectionConfig: { ok: boolean, responseStatus: number | null, durationMs: number, error: string | null } };

export type ConsolePoliciesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsolePoliciesQuery = { policies: { totalCount: number, edges: Array<{ node: { key: string, name: string, preWebhooks: Array<{ key: string }>, postWebhooks: Array<{ key: string }> } }> } };

export type ConsoleUpsertPolicyMutationVariables = Exact<{
  input: Array<PolicyInput> | PolicyInput;
}>;


export type ConsoleUpsertPolicyMutation = { upsertPolicies: Array<{ key: string, name: string }> };

export type PolicyChainsFragment = { key: string, name: string, preWebhooks: Array<{ id: string, key: string, name: string, order: number, phase: WebhookPhase, direction: WebhookDirection, required: boolean, connectionConfig: { key: string, name: string } }>, postWebhooks: Array<{ id: string, key: string, name: string, order: number, phase: WebhookPhase, direction: WebhookDirection, required: boolean, connectionConfig: { key: string, name: string } }> };

export type ChainWebhookFragment = { id: string, key: string, name: string, order: number, phase: WebhookPhase, direction: WebhookDirection, required: boolean, connectionConfig: { key: string, name: string } };

export type ConsolePolicyQueryVariables = Exact<{
  key: string;
}>;


export type ConsolePolicyQuery = { policy: { key: string, name: string, preWebhooks: Array<{ id: string, key: string, name: string, order: number, phase: WebhookPhase, direction: WebhookDirection, required: boolean, connectionConfig: { key: string, name: string } }>, postWebhooks: Array<{ id: string, key: string, name: string, order: number, phase: WebhookPhase, direction: WebhookDirection, required: boolean, connectionConfig: { key: string, name: string } }> } | null, connectionConfigs: { edges: Array<{ node: { key: string, name: string } }> } };

export type ConsolePolicyWebhooksChangedSubscriptionVariables = Exact<{
  policyKey: string;
}>;


export type ConsolePolicyWebhooksChangedSubscription = { policyWebhooksChanged: { key: string, name: string, preWebhooks: Array<{ id: string, key: string, name: string, order: number, phase: WebhookPhase, direction: WebhookDirection, required: boolean, connectionConfig: { key: string, name: string } }>, postWebhooks: Array<{ id: string, key: string, name: string, order: number, phase: WebhookPhase, direction: WebhookDirection, required: boolean, connectionConfig: { key: string, name: string } }> } };

export type RequestDetailFragment = { id: string, externalId: string | null, status: PrivacyRequestStatus, failedStep: ExecutionStep | null, failureReason: string | null, cancelReason: string | null, createdAt: string, startedAt: string | null, pausedAt: string | null, finishedAt: string | null, policy: { key: string, name: string }, identity: { email: string | null, phoneNumber: string | null }, failedWebhook: { key: string, name: string } | null, chain: Array<{ phase: WebhookPhase, position: number, webhookKey: string, webhook: { key: string, name: string, direction: WebhookDirection } | null }>, deliveries: Array<{ id: string, phase: WebhookPhase, webhookKey: string, attempt: number, outcome: DeliveryOutcome, responseStatus: number | null, error: string | null, durationMs: number, createdAt: string, webhook: { key: string, name: string, direction: WebhookDirection } | null }> };

export type ConsoleRequestQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRequestQuery = { privacyRequest: { id: string, externalId: string | null, status: PrivacyRequestStatus, failedStep: ExecutionStep | null, failureReason: string | null, cancelReason: string | null, createdAt: string, startedAt: string | null, pausedAt: string | null, finishedAt: string | null, policy: { key: string, name: string }, identity: { email: string | null, phoneNumber: string | null }, failedWebhook: { key: string, name: string } | null, chain: Array<{ phase: WebhookPhase, position: number, webhookKey: string, webhook: { key: string, name: string, direction: WebhookDirection } | null }>, deliveries: Array<{ id: string, phase: WebhookPhase, webhookKey: string, attempt: number, outcome: DeliveryOutcome, responseStatus: number | null, error: string | null, durationMs: number, createdAt: string, webhook: { key: string, name: string, direction: WebhookDirection } | null }> } | null };

export type ConsoleRequestUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRequestUpdatedSubscription = { privacyRequestUpdated: { id: string, externalId: string | null, status: PrivacyRequestStatus, failedStep: ExecutionStep | null, failureReason: string | null, cancelReason: string | null, createdAt: string, startedAt: string | null, pausedAt: string | null, finishedAt: string | null, policy: { key: string, name: string }, identity: { email: string | null, phoneNumber: string | null }, failedWebhook: { key: string, name: string } | null, chain: Array<{ phase: WebhookPhase, position: number, webhookKey: string, webhook: { key: string, name: string, direction: WebhookDirection } | null }>, deliveries: Array<{ id: string, phase: WebhookPhase, webhookKey: string, attempt: number, outcome: DeliveryOutcome, responseStatus: number | null, error: string | null, durationMs: number, createdAt: string, webhook: { key: string, name: string, direction: WebhookDirection } | null }> } };

export type ConsoleRetryRequestMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRetryRequestMutation = { retryPrivacyRequest: { id: string, externalId: string | null, status: PrivacyRequestStatus, failedStep: ExecutionStep | null, failureReason: string | null, cancelReason: string | null, createdAt: string, startedAt: string | null, pausedAt: string | null, finishedAt: string | null, policy: { key: string, name: string }, identity: { email: string | null, phoneNumber: string | null }, failedWebhook: { key: string, name: string } | null, chain: Array<{ phase: WebhookPhase, position: number, webhookKey: string, webhook: { key: string, name: string, direction: WebhookDirection } | null }>, deliveries: Array<{ id: string, phase: WebhookPhase, webhookKey: string, attempt: number, outcome: DeliveryOutcome, responseStatus: number | null, error: string | null, durationMs: number, createdAt: string, webhook: { key: string, name: string, direction: WebhookDirection } | null }> } };

export type ConsoleCancelRequestMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type ConsoleCancelRequestMutation = { cancelPrivacyRequest: { id: string, externalId: string | null, status: PrivacyRequestStatus, failedStep: ExecutionStep | null, failureReason: string | null, cancelReason: string | null, createdAt: string, startedAt: string | null, pausedAt: string | null, finishedAt: string | null, policy: { key: string, name: string }, identity: { email: string | null, phoneNumber: string | null }, failedWebhook: { key: string, name: string } | null, chain: Array<{ phase: WebhookPhase, position: number, webhookKey: string, webhook: { key: string, name: string, direction: WebhookDirection } | null }>, deliveries: Array<{ id: string, phase: WebhookPhase, webhookKey: string, attempt: number, outcome: DeliveryOutcome, responseStatus: number | null, error: string | null, durationMs: number, createdAt: string, webhook: { key: string, name: string, direction: WebhookDirection } | null }> } };

export type ConsoleRequestsQueryVariables = Exact<{
  status?: PrivacyRequestStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleRequestsQuery = { privacyRequests: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: PrivacyRequestStatus, externalId: string | null, failureReason: string | null, createdAt: string, finishedAt: string | null, policy: { key: string, name: string }, identity: { email: string | null, phoneNumber: string | null } } }> } };

export type ConsoleRequestsChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRequestsChangedSubscription = { privacyRequestsChanged: { id: string, status: PrivacyRequestStatus } };

export type ConsolePolicyKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsolePolicyKeysQuery = { policies: { edges: Array<{ node: { key: string, name: string } }> } };

export type ConsoleCreateRequestMutationVariables = Exact<{
  input: Array<PrivacyRequestInput> | PrivacyRequestInput;
}>;


export type ConsoleCreateRequestMutation = { createPrivacyRequests: Array<{ id: string, status: PrivacyRequestStatus }> };

export const ConnectionRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectionRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectionConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"connectionType"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"hasSecrets"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsLast24h"}},{"kind":"Field","name":{"kind":"Name","value":"failuresLast24h"}}]}}]}}]} as unknown as DocumentNode<ConnectionRowFragment, unknown>;
export const ChainWebhookFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChainWebhook"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyWebhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"connectionConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ChainWebhookFragment, unknown>;
export const PolicyChainsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolicyChains"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Policy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preWebhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChainWebhook"}}]}},{"kind":"Field","name":{"kind":"Name","value":"postWebhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChainWebhook"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChainWebhook"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyWebhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"connectionConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PolicyChainsFragment, unknown>;
export const RequestDetailFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivacyRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedStep"}},{"kind":"Field","name":{"kind":"Name","value":"failedWebhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pausedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"webhookKey"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"webhookKey"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]}}]} as unknown as DocumentNode<RequestDetailFragment, unknown>;
export const ConsoleSetSecretsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSetSecrets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"secrets"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectionSecretsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setConnectionSecrets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"secrets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"secrets"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"hasSecrets"}}]}}]}}]} as unknown as DocumentNode<ConsoleSetSecretsMutation, ConsoleSetSecretsMutationVariables>;
export const ConsolePatchWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsolePatchWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"policyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phase"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookPhase"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patchWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"policyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"phase"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phase"}}},{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChainWebhook"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"order"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChainWebhook"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyWebhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"connectionConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsolePatchWebhookMutation, ConsolePatchWebhookMutationVariables>;
export const ConsoleDeleteWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleDeleteWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"policyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phase"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookPhase"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"policyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"phase"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phase"}}},{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"newOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"order"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDeleteWebhookMutation, ConsoleDeleteWebhookMutationVariables>;
export const ConsoleSetPreWebhooksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSetPreWebhooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"policyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"webhooks"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPreWebhooks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"policyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"webhooks"},"value":{"kind":"Variable","name":{"kind":"Name","value":"webhooks"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChainWebhook"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChainWebhook"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyWebhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"connectionConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleSetPreWebhooksMutation, ConsoleSetPreWebhooksMutationVariables>;
export const ConsoleSetPostWebhooksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSetPostWebhooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"policyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"webhooks"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPostWebhooks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"policyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"webhooks"},"value":{"kind":"Variable","name":{"kind":"Name","value":"webhooks"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChainWebhook"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChainWebhook"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyWebhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"connectionConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleSetPostWebhooksMutation, ConsoleSetPostWebhooksMutationVariables>;
export const ConsoleApiClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleApiClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleApiClientsQuery, ConsoleApiClientsQueryVariables>;
export const ConsoleRevokeApiClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRevokeApiClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleRevokeApiClientMutation, ConsoleRevokeApiClientMutationVariables>;
export const ConsoleCreateApiClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateApiClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scopes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateApiClientMutation, ConsoleCreateApiClientMutationVariables>;
export const ConsoleConnectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleConnections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectionConfigs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConnectionRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectionRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectionConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"connectionType"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"hasSecrets"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsLast24h"}},{"kind":"Field","name":{"kind":"Name","value":"failuresLast24h"}}]}}]}}]} as unknown as DocumentNode<ConsoleConnectionsQuery, ConsoleConnectionsQueryVariables>;
export const ConsoleUpsertConnectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleUpsertConnection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectionConfigInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertConnectionConfigs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConnectionRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectionRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectionConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"connectionType"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"hasSecrets"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsLast24h"}},{"kind":"Field","name":{"kind":"Name","value":"failuresLast24h"}}]}}]}}]} as unknown as DocumentNode<ConsoleUpsertConnectionMutation, ConsoleUpsertConnectionMutationVariables>;
export const ConsoleTestConnectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleTestConnection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testConnectionConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<ConsoleTestConnectionMutation, ConsoleTestConnectionMutationVariables>;
export const ConsolePoliciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolePolicies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preWebhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"postWebhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsolePoliciesQuery, ConsolePoliciesQueryVariables>;
export const ConsoleUpsertPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleUpsertPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertPolicies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleUpsertPolicyMutation, ConsoleUpsertPolicyMutationVariables>;
export const ConsolePolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolePolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PolicyChains"}}]}},{"kind":"Field","name":{"kind":"Name","value":"connectionConfigs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChainWebhook"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyWebhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"connectionConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolicyChains"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Policy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preWebhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChainWebhook"}}]}},{"kind":"Field","name":{"kind":"Name","value":"postWebhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChainWebhook"}}]}}]}}]} as unknown as DocumentNode<ConsolePolicyQuery, ConsolePolicyQueryVariables>;
export const ConsolePolicyWebhooksChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsolePolicyWebhooksChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"policyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyWebhooksChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"policyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PolicyChains"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChainWebhook"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyWebhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"connectionConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolicyChains"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Policy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preWebhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChainWebhook"}}]}},{"kind":"Field","name":{"kind":"Name","value":"postWebhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChainWebhook"}}]}}]}}]} as unknown as DocumentNode<ConsolePolicyWebhooksChangedSubscription, ConsolePolicyWebhooksChangedSubscriptionVariables>;
export const ConsoleRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privacyRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivacyRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedStep"}},{"kind":"Field","name":{"kind":"Name","value":"failedWebhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pausedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"webhookKey"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"webhookKey"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRequestQuery, ConsoleRequestQueryVariables>;
export const ConsoleRequestUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleRequestUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privacyRequestUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivacyRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedStep"}},{"kind":"Field","name":{"kind":"Name","value":"failedWebhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pausedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"webhookKey"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"webhookKey"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRequestUpdatedSubscription, ConsoleRequestUpdatedSubscriptionVariables>;
export const ConsoleRetryRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRetryRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryPrivacyRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivacyRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedStep"}},{"kind":"Field","name":{"kind":"Name","value":"failedWebhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pausedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"webhookKey"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"webhookKey"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRetryRequestMutation, ConsoleRetryRequestMutationVariables>;
export const ConsoleCancelRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCancelRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelPrivacyRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivacyRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedStep"}},{"kind":"Field","name":{"kind":"Name","value":"failedWebhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pausedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"webhookKey"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"webhookKey"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleCancelRequestMutation, ConsoleCancelRequestMutationVariables>;
export const ConsoleRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PrivacyRequestStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privacyRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRequestsQuery, ConsoleRequestsQueryVariables>;
export const ConsoleRequestsChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleRequestsChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privacyRequestsChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ConsoleRequestsChangedSubscription, ConsoleRequestsChangedSubscriptionVariables>;
export const ConsolePolicyKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolePolicyKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsolePolicyKeysQuery, ConsolePolicyKeysQueryVariables>;
export const ConsoleCreateRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PrivacyRequestInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPrivacyRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateRequestMutation, ConsoleCreateRequestMutationVariables>;