import { ApiClient } from './ApiClient';
import { ConnectionConfig } from './ConnectionConfig';
import { Policy } from './Policy';
import { PolicyWebhook } from './PolicyWebhook';

export { ApiClient, ConnectionConfig, Policy, PolicyWebhook };

export const entities = [ConnectionConfig, Policy, PolicyWebhook, ApiClient];
