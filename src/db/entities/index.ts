import { ConnectionConfig } from './ConnectionConfig';
import { Policy } from './Policy';
import { PolicyWebhook } from './PolicyWebhook';

export { ConnectionConfig, Policy, PolicyWebhook };

export const entities = [ConnectionConfig, Policy, PolicyWebhook];
