/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ConsoleSetSecrets($key: String!, $secrets: ConnectionSecretsInput!) {\n    setConnectionSecrets(key: $key, secrets: $secrets) {\n      key\n      hasSecrets\n    }\n  }\n": typeof types.ConsoleSetSecretsDocument,
    "\n  mutation ConsolePatchWebhook($policyKey: String!, $phase: WebhookPhase!, $key: String!, $patch: WebhookPatch!) {\n    patchWebhook(policyKey: $policyKey, phase: $phase, key: $key, patch: $patch) {\n      resource {\n        ...ChainWebhook\n      }\n      newOrder {\n        key\n        order\n      }\n    }\n  }\n": typeof types.ConsolePatchWebhookDocument,
    "\n  mutation ConsoleDeleteWebhook($policyKey: String!, $phase: WebhookPhase!, $key: String!) {\n    deleteWebhook(policyKey: $policyKey, phase: $phase, key: $key) {\n      newOrder {\n        key\n        order\n      }\n    }\n  }\n": typeof types.ConsoleDeleteWebhookDocument,
    "\n  mutation ConsoleSetPreWebhooks($policyKey: String!, $webhooks: [WebhookInput!]!) {\n    setPreWebhooks(policyKey: $policyKey, webhooks: $webhooks) {\n      ...ChainWebhook\n    }\n  }\n": typeof types.ConsoleSetPreWebhooksDocument,
    "\n  mutation ConsoleSetPostWebhooks($policyKey: String!, $webhooks: [WebhookInput!]!) {\n    setPostWebhooks(policyKey: $policyKey, webhooks: $webhooks) {\n      ...ChainWebhook\n    }\n  }\n": typeof types.ConsoleSetPostWebhooksDocument,
    "\n  query ConsoleApiClients {\n    apiClients {\n      clientId\n      scopes\n      createdAt\n      revokedAt\n    }\n  }\n": typeof types.ConsoleApiClientsDocument,
    "\n  mutation ConsoleRevokeApiClient($clientId: String!) {\n    revokeApiClient(clientId: $clientId) {\n      clientId\n      revokedAt\n    }\n  }\n": typeof types.ConsoleRevokeApiClientDocument,
    "\n  mutation ConsoleCreateApiClient($scopes: [String!]!) {\n    createApiClient(scopes: $scopes) {\n      clientId\n      clientSecret\n      scopes\n    }\n  }\n": typeof types.ConsoleCreateApiClientDocument,
    "\n  fragment ConnectionRow on ConnectionConfig {\n    key\n    name\n    connectionType\n    access\n    disabled\n    description\n    hasSecrets\n    updatedAt\n    health {\n      consecutiveFailures\n      lastSuccessAt\n      lastFailureAt\n      lastError\n      attemptsLast24h\n      failuresLast24h\n    }\n  }\n": typeof types.ConnectionRowFragmentDoc,
    "\n  query ConsoleConnections {\n    connectionConfigs(first: 200) {\n      totalCount\n      edges {\n        node {\n          ...ConnectionRow\n        }\n      }\n    }\n  }\n": typeof types.ConsoleConnectionsDocument,
    "\n  mutation ConsoleUpsertConnection($input: [ConnectionConfigInput!]!) {\n    upsertConnectionConfigs(input: $input) {\n      ...ConnectionRow\n    }\n  }\n": typeof types.ConsoleUpsertConnectionDocument,
    "\n  mutation ConsoleTestConnection($key: String!) {\n    testConnectionConfig(key: $key) {\n      ok\n      responseStatus\n      durationMs\n      error\n    }\n  }\n": typeof types.ConsoleTestConnectionDocument,
    "\n  query ConsolePolicies {\n    policies(first: 200) {\n      totalCount\n      edges {\n        node {\n          key\n          name\n          preWebhooks {\n            key\n          }\n          postWebhooks {\n            key\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsolePoliciesDocument,
    "\n  mutation ConsoleUpsertPolicy($input: [PolicyInput!]!) {\n    upsertPolicies(input: $input) {\n      key\n      name\n    }\n  }\n": typeof types.ConsoleUpsertPolicyDocument,
    "\n  fragment PolicyChains on Policy {\n    key\n    name\n    preWebhooks {\n      ...ChainWebhook\n    }\n    postWebhooks {\n      ...ChainWebhook\n    }\n  }\n": typeof types.PolicyChainsFragmentDoc,
    "\n  fragment ChainWebhook on PolicyWebhook {\n    id\n    key\n    name\n    order\n    phase\n    direction\n    required\n    connectionConfig {\n      key\n      name\n    }\n  }\n": typeof types.ChainWebhookFragmentDoc,
    "\n  query ConsolePolicy($key: String!) {\n    policy(key: $key) {\n      ...PolicyChains\n    }\n    connectionConfigs(first: 200) {\n      edges {\n        node {\n          key\n          name\n        }\n      }\n    }\n  }\n": typeof types.ConsolePolicyDocument,
    "\n  subscription ConsolePolicyWebhooksChanged($policyKey: String!) {\n    policyWebhooksChanged(policyKey: $policyKey) {\n      ...PolicyChains\n    }\n  }\n": typeof types.ConsolePolicyWebhooksChangedDocument,
    "\n  fragment RequestDetail on PrivacyRequest {\n    id\n    externalId\n    status\n    policy {\n      key\n      name\n    }\n    identity {\n      email\n      phoneNumber\n    }\n    failedStep\n    failedWebhook {\n      key\n      name\n    }\n    failureReason\n    cancelReason\n    createdAt\n    startedAt\n    pausedAt\n    finishedAt\n    chain {\n      phase\n      position\n      webhookKey\n      webhook {\n        key\n        name\n        direction\n      }\n    }\n    deliveries {\n      id\n      phase\n      webhookKey\n      attempt\n      outcome\n      responseStatus\n      error\n      durationMs\n      createdAt\n      webhook {\n        key\n        name\n        direction\n      }\n    }\n  }\n": typeof types.RequestDetailFragmentDoc,
    "\n  query ConsoleRequest($id: ID!) {\n    privacyRequest(id: $id) {\n      ...RequestDetail\n    }\n  }\n": typeof types.ConsoleRequestDocument,
    "\n  subscription ConsoleRequestUpdated($id: ID!) {\n    privacyRequestUpdated(id: $id) {\n      ...RequestDetail\n    }\n  }\n": typeof types.ConsoleRequestUpdatedDocument,
    "\n  mutation ConsoleRetryRequest($id: ID!) {\n    retryPrivacyRequest(id: $id) {\n      ...RequestDetail\n    }\n  }\n": typeof types.ConsoleRetryRequestDocument,
    "\n  mutation ConsoleCancelRequest($id: ID!, $reason: String) {\n    cancelPrivacyRequest(id: $id, reason: $reason) {\n      ...RequestDetail\n    }\n  }\n": typeof types.ConsoleCancelRequestDocument,
    "\n  query ConsoleRequests($status: PrivacyRequestStatus, $first: Int, $after: String) {\n    privacyRequests(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          externalId\n          policy {\n            key\n            name\n          }\n          identity {\n            email\n            phoneNumber\n          }\n          failureReason\n          createdAt\n          finishedAt\n        }\n      }\n    }\n  }\n": typeof types.ConsoleRequestsDocument,
    "\n  subscription ConsoleRequestsChanged {\n    privacyRequestsChanged {\n      id\n      status\n    }\n  }\n": typeof types.ConsoleRequestsChangedDocument,
    "\n  query ConsolePolicyKeys {\n    policies(first: 200) {\n      edges {\n        node {\n          key\n          name\n        }\n      }\n    }\n  }\n": typeof types.ConsolePolicyKeysDocument,
    "\n  mutation ConsoleCreateRequest($input: [PrivacyRequestInput!]!) {\n    createPrivacyRequests(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ConsoleCreateRequestDocument,
};
const documents: Documents = {
    "\n  mutation ConsoleSetSecrets($key: String!, $secrets: ConnectionSecretsInput!) {\n    setConnectionSecrets(key: $key, secrets: $secrets) {\n      key\n      hasSecrets\n    }\n  }\n": types.ConsoleSetSecretsDocument,
    "\n  mutation ConsolePatchWebhook($policyKey: String!, $phase: WebhookPhase!, $key: String!, $patch: WebhookPatch!) {\n    patchWebhook(policyKey: $policyKey, phase: $phase, key: $key, patch: $patch) {\n      resource {\n        ...ChainWebhook\n      }\n      newOrder {\n        key\n        order\n      }\n    }\n  }\n": types.ConsolePatchWebhookDocument,
    "\n  mutation ConsoleDeleteWebhook($policyKey: String!, $phase: WebhookPhase!, $key: String!) {\n    deleteWebhook(policyKey: $policyKey, phase: $phase, key: $key) {\n      newOrder {\n        key\n        order\n      }\n    }\n  }\n": types.ConsoleDeleteWebhookDocument,
    "\n  mutation ConsoleSetPreWebhooks($policyKey: String!, $webhooks: [WebhookInput!]!) {\n    setPreWebhooks(policyKey: $policyKey, webhooks: $webhooks) {\n      ...ChainWebhook\n    }\n  }\n": types.ConsoleSetPreWebhooksDocument,
    "\n  mutation ConsoleSetPostWebhooks($policyKey: String!, $webhooks: [WebhookInput!]!) {\n    setPostWebhooks(policyKey: $policyKey, webhooks: $webhooks) {\n      ...ChainWebhook\n    }\n  }\n": types.ConsoleSetPostWebhooksDocument,
    "\n  query ConsoleApiClients {\n    apiClients {\n      clientId\n      scopes\n      createdAt\n      revokedAt\n    }\n  }\n": types.ConsoleApiClientsDocument,
    "\n  mutation ConsoleRevokeApiClient($clientId: String!) {\n    revokeApiClient(clientId: $clientId) {\n      clientId\n      revokedAt\n    }\n  }\n": types.ConsoleRevokeApiClientDocument,
    "\n  mutation ConsoleCreateApiClient($scopes: [String!]!) {\n    createApiClient(scopes: $scopes) {\n      clientId\n      clientSecret\n      scopes\n    }\n  }\n": types.ConsoleCreateApiClientDocument,
    "\n  fragment ConnectionRow on ConnectionConfig {\n    key\n    name\n    connectionType\n    access\n    disabled\n    description\n    hasSecrets\n    updatedAt\n    health {\n      consecutiveFailures\n      lastSuccessAt\n      lastFailureAt\n      lastError\n      attemptsLast24h\n      failuresLast24h\n    }\n  }\n": types.ConnectionRowFragmentDoc,
    "\n  query ConsoleConnections {\n    connectionConfigs(first: 200) {\n      totalCount\n      edges {\n        node {\n          ...ConnectionRow\n        }\n      }\n    }\n  }\n": types.ConsoleConnectionsDocument,
    "\n  mutation ConsoleUpsertConnection($input: [ConnectionConfigInput!]!) {\n    upsertConnectionConfigs(input: $input) {\n      ...ConnectionRow\n    }\n  }\n": types.ConsoleUpsertConnectionDocument,
    "\n  mutation ConsoleTestConnection($key: String!) {\n    testConnectionConfig(key: $key) {\n      ok\n      responseStatus\n      durationMs\n      error\n    }\n  }\n": types.ConsoleTestConnectionDocument,
    "\n  query ConsolePolicies {\n    policies(first: 200) {\n      totalCount\n      edges {\n        node {\n          key\n          name\n          preWebhooks {\n            key\n          }\n          postWebhooks {\n            key\n          }\n        }\n      }\n    }\n  }\n": types.ConsolePoliciesDocument,
    "\n  mutation ConsoleUpsertPolicy($input: [PolicyInput!]!) {\n    upsertPolicies(input: $input) {\n      key\n      name\n    }\n  }\n": types.ConsoleUpsertPolicyDocument,
    "\n  fragment PolicyChains on Policy {\n    key\n    name\n    preWebhooks {\n      ...ChainWebhook\n    }\n    postWebhooks {\n      ...ChainWebhook\n    }\n  }\n": types.PolicyChainsFragmentDoc,
    "\n  fragment ChainWebhook on PolicyWebhook {\n    id\n    key\n    name\n    order\n    phase\n    direction\n    required\n    connectionConfig {\n      key\n      name\n    }\n  }\n": types.ChainWebhookFragmentDoc,
    "\n  query ConsolePolicy($key: String!) {\n    policy(key: $key) {\n      ...PolicyChains\n    }\n    connectionConfigs(first: 200) {\n      edges {\n        node {\n          key\n          name\n        }\n      }\n    }\n  }\n": types.ConsolePolicyDocument,
    "\n  subscription ConsolePolicyWebhooksChanged($policyKey: String!) {\n    policyWebhooksChanged(policyKey: $policyKey) {\n      ...PolicyChains\n    }\n  }\n": types.ConsolePolicyWebhooksChangedDocument,
    "\n  fragment RequestDetail on PrivacyRequest {\n    id\n    externalId\n    status\n    policy {\n      key\n      name\n    }\n    identity {\n      email\n      phoneNumber\n    }\n    failedStep\n    failedWebhook {\n      key\n      name\n    }\n    failureReason\n    cancelReason\n    createdAt\n    startedAt\n    pausedAt\n    finishedAt\n    chain {\n      phase\n      position\n      webhookKey\n      webhook {\n        key\n        name\n        direction\n      }\n    }\n    deliveries {\n      id\n      phase\n      webhookKey\n      attempt\n      outcome\n      responseStatus\n      error\n      durationMs\n      createdAt\n      webhook {\n        key\n        name\n        direction\n      }\n    }\n  }\n": types.RequestDetailFragmentDoc,
    "\n  query ConsoleRequest($id: ID!) {\n    privacyRequest(id: $id) {\n      ...RequestDetail\n    }\n  }\n": types.ConsoleRequestDocument,
    "\n  subscription ConsoleRequestUpdated($id: ID!) {\n    privacyRequestUpdated(id: $id) {\n      ...RequestDetail\n    }\n  }\n": types.ConsoleRequestUpdatedDocument,
    "\n  mutation ConsoleRetryRequest($id: ID!) {\n    retryPrivacyRequest(id: $id) {\n      ...RequestDetail\n    }\n  }\n": types.ConsoleRetryRequestDocument,
    "\n  mutation ConsoleCancelRequest($id: ID!, $reason: String) {\n    cancelPrivacyRequest(id: $id, reason: $reason) {\n      ...RequestDetail\n    }\n  }\n": types.ConsoleCancelRequestDocument,
    "\n  query ConsoleRequests($status: PrivacyRequestStatus, $first: Int, $after: String) {\n    privacyRequests(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          externalId\n          policy {\n            key\n            name\n          }\n          identity {\n            email\n            phoneNumber\n          }\n          failureReason\n          createdAt\n          finishedAt\n        }\n      }\n    }\n  }\n": types.ConsoleRequestsDocument,
    "\n  subscription ConsoleRequestsChanged {\n    privacyRequestsChanged {\n      id\n      status\n    }\n  }\n": types.ConsoleRequestsChangedDocument,
    "\n  query ConsolePolicyKeys {\n    policies(first: 200) {\n      edges {\n        node {\n          key\n          name\n        }\n      }\n    }\n  }\n": types.ConsolePolicyKeysDocument,
    "\n  mutation ConsoleCreateRequest($input: [PrivacyRequestInput!]!) {\n    createPrivacyRequests(input: $input) {\n      id\n      status\n    }\n  }\n": types.ConsoleCreateRequestDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetSecrets($key: String!, $secrets: ConnectionSecretsInput!) {\n    setConnectionSecrets(key: $key, secrets: $secrets) {\n      key\n      hasSecrets\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetSecrets($key: String!, $secrets: ConnectionSecretsInput!) {\n    setConnectionSecrets(key: $key, secrets: $secrets) {\n      key\n      hasSecrets\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsolePatchWebhook($policyKey: String!, $phase: WebhookPhase!, $key: String!, $patch: WebhookPatch!) {\n    patchWebhook(policyKey: $policyKey, phase: $phase, key: $key, patch: $patch) {\n      resource {\n        ...ChainWebhook\n      }\n      newOrder {\n        key\n        order\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsolePatchWebhook($policyKey: String!, $phase: WebhookPhase!, $key: String!, $patch: WebhookPatch!) {\n    patchWebhook(policyKey: $policyKey, phase: $phase, key: $key, patch: $patch) {\n      resource {\n        ...ChainWebhook\n      }\n      newOrder {\n        key\n        order\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteWebhook($policyKey: String!, $phase: WebhookPhase!, $key: String!) {\n    deleteWebhook(policyKey: $policyKey, phase: $phase, key: $key) {\n      newOrder {\n        key\n        order\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleDeleteWebhook($policyKey: String!, $phase: WebhookPhase!, $key: String!) {\n    deleteWebhook(policyKey: $policyKey, phase: $phase, key: $key) {\n      newOrder {\n        key\n        order\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetPreWebhooks($policyKey: String!, $webhooks: [WebhookInput!]!) {\n    setPreWebhooks(policyKey: $policyKey, webhooks: $webhooks) {\n      ...ChainWebhook\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetPreWebhooks($policyKey: String!, $webhooks: [WebhookInput!]!) {\n    setPreWebhooks(policyKey: $policyKey, webhooks: $webhooks) {\n      ...ChainWebhook\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetPostWebhooks($policyKey: String!, $webhooks: [WebhookInput!]!) {\n    setPostWebhooks(policyKey: $policyKey, webhooks: $webhooks) {\n      ...ChainWebhook\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetPostWebhooks($policyKey: String!, $webhooks: [WebhookInput!]!) {\n    setPostWebhooks(policyKey: $policyKey, webhooks: $webhooks) {\n      ...ChainWebhook\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleApiClients {\n    apiClients {\n      clientId\n      scopes\n      createdAt\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  query ConsoleApiClients {\n    apiClients {\n      clientId\n      scopes\n      createdAt\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeApiClient($clientId: String!) {\n    revokeApiClient(clientId: $clientId) {\n      clientId\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRevokeApiClient($clientId: String!) {\n    revokeApiClient(clientId: $clientId) {\n      clientId\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateApiClient($scopes: [String!]!) {\n    createApiClient(scopes: $scopes) {\n      clientId\n      clientSecret\n      scopes\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateApiClient($scopes: [String!]!) {\n    createApiClient(scopes: $scopes) {\n      clientId\n      clientSecret\n      scopes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConnectionRow on ConnectionConfig {\n    key\n    name\n    connectionType\n    access\n    disabled\n    description\n    hasSecrets\n    updatedAt\n    health {\n      consecutiveFailures\n      lastSuccessAt\n      lastFailureAt\n      lastError\n      attemptsLast24h\n      failuresLast24h\n    }\n  }\n"): (typeof documents)["\n  fragment ConnectionRow on ConnectionConfig {\n    key\n    name\n    connectionType\n    access\n    disabled\n    description\n    hasSecrets\n    updatedAt\n    health {\n      consecutiveFailures\n      lastSuccessAt\n      lastFailureAt\n      lastError\n      attemptsLast24h\n      failuresLast24h\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleConnections {\n    connectionConfigs(first: 200) {\n      totalCount\n      edges {\n        node {\n          ...ConnectionRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleConnections {\n    connectionConfigs(first: 200) {\n      totalCount\n      edges {\n        node {\n          ...ConnectionRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpsertConnection($input: [ConnectionConfigInput!]!) {\n    upsertConnectionConfigs(input: $input) {\n      ...ConnectionRow\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpsertConnection($input: [ConnectionConfigInput!]!) {\n    upsertConnectionConfigs(input: $input) {\n      ...ConnectionRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleTestConnection($key: String!) {\n    testConnectionConfig(key: $key) {\n      ok\n      responseStatus\n      durationMs\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleTestConnection($key: String!) {\n    testConnectionConfig(key: $key) {\n      ok\n      responseStatus\n      durationMs\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePolicies {\n    policies(first: 200) {\n      totalCount\n      edges {\n        node {\n          key\n          name\n          preWebhooks {\n            key\n          }\n          postWebhooks {\n            key\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePolicies {\n    policies(first: 200) {\n      totalCount\n      edges {\n        node {\n          key\n          name\n          preWebhooks {\n            key\n          }\n          postWebhooks {\n            key\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpsertPolicy($input: [PolicyInput!]!) {\n    upsertPolicies(input: $input) {\n      key\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpsertPolicy($input: [PolicyInput!]!) {\n    upsertPolicies(input: $input) {\n      key\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyChains on Policy {\n    key\n    name\n    preWebhooks {\n      ...ChainWebhook\n    }\n    postWebhooks {\n      ...ChainWebhook\n    }\n  }\n"): (typeof documents)["\n  fragment PolicyChains on Policy {\n    key\n    name\n    preWebhooks {\n      ...ChainWebhook\n    }\n    postWebhooks {\n      ...ChainWebhook\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChainWebhook on PolicyWebhook {\n    id\n    key\n    name\n    order\n    phase\n    direction\n    required\n    connectionConfig {\n      key\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ChainWebhook on PolicyWebhook {\n    id\n    key\n    name\n    order\n    phase\n    direction\n    required\n    connectionConfig {\n      key\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePolicy($key: String!) {\n    policy(key: $key) {\n      ...PolicyChains\n    }\n    connectionConfigs(first: 200) {\n      edges {\n        node {\n          key\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePolicy($key: String!) {\n    policy(key: $key) {\n      ...PolicyChains\n    }\n    connectionConfigs(first: 200) {\n      edges {\n        node {\n          key\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsolePolicyWebhooksChanged($policyKey: String!) {\n    policyWebhooksChanged(policyKey: $policyKey) {\n      ...PolicyChains\n    }\n  }\n"): (typeof documents)["\n  subscription ConsolePolicyWebhooksChanged($policyKey: String!) {\n    policyWebhooksChanged(policyKey: $policyKey) {\n      ...PolicyChains\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestDetail on PrivacyRequest {\n    id\n    externalId\n    status\n    policy {\n      key\n      name\n    }\n    identity {\n      email\n      phoneNumber\n    }\n    failedStep\n    failedWebhook {\n      key\n      name\n    }\n    failureReason\n    cancelReason\n    createdAt\n    startedAt\n    pausedAt\n    finishedAt\n    chain {\n      phase\n      position\n      webhookKey\n      webhook {\n        key\n        name\n        direction\n      }\n    }\n    deliveries {\n      id\n      phase\n      webhookKey\n      attempt\n      outcome\n      responseStatus\n      error\n      durationMs\n      createdAt\n      webhook {\n        key\n        name\n        direction\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RequestDetail on PrivacyRequest {\n    id\n    externalId\n    status\n    policy {\n      key\n      name\n    }\n    identity {\n      email\n      phoneNumber\n    }\n    failedStep\n    failedWebhook {\n      key\n      name\n    }\n    failureReason\n    cancelReason\n    createdAt\n    startedAt\n    pausedAt\n    finishedAt\n    chain {\n      phase\n      position\n      webhookKey\n      webhook {\n        key\n        name\n        direction\n      }\n    }\n    deliveries {\n      id\n      phase\n      webhookKey\n      attempt\n      outcome\n      responseStatus\n      error\n      durationMs\n      createdAt\n      webhook {\n        key\n        name\n        direction\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRequest($id: ID!) {\n    privacyRequest(id: $id) {\n      ...RequestDetail\n    }\n  }\n"): (typeof documents)["\n  query ConsoleRequest($id: ID!) {\n    privacyRequest(id: $id) {\n      ...RequestDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleRequestUpdated($id: ID!) {\n    privacyRequestUpdated(id: $id) {\n      ...RequestDetail\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleRequestUpdated($id: ID!) {\n    privacyRequestUpdated(id: $id) {\n      ...RequestDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRetryRequest($id: ID!) {\n    retryPrivacyRequest(id: $id) {\n      ...RequestDetail\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRetryRequest($id: ID!) {\n    retryPrivacyRequest(id: $id) {\n      ...RequestDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCancelRequest($id: ID!, $reason: String) {\n    cancelPrivacyRequest(id: $id, reason: $reason) {\n      ...RequestDetail\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCancelRequest($id: ID!, $reason: String) {\n    cancelPrivacyRequest(id: $id, reason: $reason) {\n      ...RequestDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRequests($status: PrivacyRequestStatus, $first: Int, $after: String) {\n    privacyRequests(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          externalId\n          policy {\n            key\n            name\n          }\n          identity {\n            email\n            phoneNumber\n          }\n          failureReason\n          createdAt\n          finishedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleRequests($status: PrivacyRequestStatus, $first: Int, $after: String) {\n    privacyRequests(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          externalId\n          policy {\n            key\n            name\n          }\n          identity {\n            email\n            phoneNumber\n          }\n          failureReason\n          createdAt\n          finishedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleRequestsChanged {\n    privacyRequestsChanged {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleRequestsChanged {\n    privacyRequestsChanged {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePolicyKeys {\n    policies(first: 200) {\n      edges {\n        node {\n          key\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePolicyKeys {\n    policies(first: 200) {\n      edges {\n        node {\n          key\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateRequest($input: [PrivacyRequestInput!]!) {\n    createPrivacyRequests(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateRequest($input: [PrivacyRequestInput!]!) {\n    createPrivacyRequests(input: $input) {\n      id\n      status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;