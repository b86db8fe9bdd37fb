import { ConnectionConfig } from './ConnectionConfig';
import { Policy } from './Policy';
import { PolicyWebhook } from './PolicyWebhook';
import { PrivacyRequest } from './PrivacyRequest';
import { ReplyToken } from './ReplyToken';
import { WebhookDelivery } from './WebhookDelivery';
import { WorkerRegistration } from './WorkerRegistration';

export { ConnectionConfig, Policy, PolicyWebhook };
export { PrivacyRequest, ReplyToken, WebhookDelivery, WorkerRegistration };

export const entities = [ConnectionConfig, Policy, PolicyWebhook, PrivacyRequest, ReplyToken, WebhookDelivery, WorkerRegistration];
