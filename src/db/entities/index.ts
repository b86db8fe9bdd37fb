import { ApiClient } from './ApiClient';
import { ChainStep } from './ChainStep';
import { ConnectionConfig } from './ConnectionConfig';
import { Policy } from './Policy';
import { PolicyWebhook } from './PolicyWebhook';
import { PrivacyRequest } from './PrivacyRequest';
import { PrivacyRequestStatusCount } from './PrivacyRequestStatusCount';
import { ReplyToken } from './ReplyToken';
import { WebhookDelivery } from './WebhookDelivery';
import { WorkerRegistration } from './WorkerRegistration';

export { ApiClient, ConnectionConfig, Policy, PolicyWebhook };
export { ChainStep, PrivacyRequest, PrivacyRequestStatusCount, ReplyToken, WebhookDelivery, WorkerRegistration };

export const entities = [
  ConnectionConfig,
  Policy,
  PolicyWebhook,
  ApiClient,
  PrivacyRequest,
  PrivacyRequestStatusCount,
  ChainStep,
  ReplyToken,
  WebhookDelivery,
  WorkerRegistration,
];
