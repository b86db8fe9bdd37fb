import { randomUUID } from 'node:crypto';
import type { TestCall } from '../domain/connection-test';
import type { Dispatcher } from './dispatcher';

/**
 * Test calls through the dispatcher (give it one attempt: a test says what happens now): a signed
 * {"type": "test", "connection_key": ...} body, and what came back.
 */
export function dispatcherTestCall(dispatcher: Dispatcher): TestCall {
  return async (target, connectionId, connectionKey) => {
    const result = await dispatcher.deliver({
      target,
      connectionId,
      body: { type: 'test', connection_key: connectionKey },
      deliveryId: `msg_test_${randomUUID()}`,
    });
    const last = result.attempts[result.attempts.length - 1];
    return { ok: result.ok, responseStatus: result.status, durationMs: last?.durationMs ?? 0, error: result.error };
  };
}
