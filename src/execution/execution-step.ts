import type { Identity } from '../domain/identity';

/**
 * The EXECUTION step's hook: a datastore connector does the policy's data work for a request.
 * None exists yet, so the step runs no connector and passes; a connector that throws fails the
 * request at EXECUTION, and retry runs the step again.
 */
export interface ExecutionConnector {
  name: string;
  run(request: { requestId: string; policyId: string; identity: Identity }): Promise<void>;
}
