import { ForbiddenError } from '../errors/error-classes.js';
import type { AuthorizationRequest, Policy } from './policy.js';

/** Asks `policy` and throws a {@link ForbiddenError} carrying its reason when it refuses. */
export async function authorize(policy: Policy, request: AuthorizationRequest): Promise<void> {
  const decision = await policy.authorize(request);
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
