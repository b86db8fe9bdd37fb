import type { Config } from '../config';
import type { DispatcherOptions } from './dispatcher';

/** Response bodies past this fail the call: a webhook answer is a small JSON document. */
export const MAX_WEBHOOK_RESPONSE_BYTES = 1024 * 1024;

export function dispatcherOptionsFromConfig(config: Config): DispatcherOptions {
  return {
    timeoutMs: config.webhookTimeoutMs,
    maxAttempts: config.webhookMaxAttempts,
    maxResponseBytes: MAX_WEBHOOK_RESPONSE_BYTES,
    allowPrivateNetworks: config.webhookAllowPrivateNetworks,
    backoffBaseMs: config.webhookBackoffBaseMs,
    backoffMaxMs: config.webhookBackoffMaxMs,
  };
}
