import { ForbiddenError } from '../errors/error-classes.js';
import type { AuthorizationDecision, AuthorizationRequest, Policy } from './policy.js';

/** Asks `policy` and throws a {@link ForbiddenError} carrying its reason when it refuses. */
export async function authorize(policy: Policy, request: AuthorizationRequest): Promise<void> {
  enforce(request, await policy.authorize(request));
}

/**
 * {@link authorize} without a promise when the policy answers synchronously, as the RBAC policy
 * does: returns undefined when allowed and throws when refused. Only an asynchronous answer gives
 * a promise to await. The command runner asks on every command, where the extra await shows.
 */
export function authorizeEagerly(policy: Policy, request: AuthorizationRequest): Promise<void> | undefined {
  const decision = policy.authorize(request);
  if (typeof (decision as Partial<PromiseLike<AuthorizationDecision>>).then === 'function') {
    return Promise.resolve(decision).then((answer) => enforce(request, answer));
  }
  enforce(request, decision as AuthorizationDecision);
  return undefined;
}

function enforce(request: AuthorizationRequest, decision: AuthorizationDecision): void {
  if (!decision.allowed) {
    throw new ForbiddenError(`Forbidden: ${decision.reason}`, {
      details: {
        actorId: request.actor.id,
        permission: request.permission,
        ...(request.storeId === undefined ? {} : { storeId: request.storeId }),
      },
    });
  }
}
