import { describe, expect, it } from 'vitest';
import { rejection, thrownBy } from '../../test/support/catch-error.js';
import { isRetailKitError } from '../errors/retailkit-error.js';
import type { Actor } from './actor.js';
import { authorize, authorizeEagerly } from './authorize.js';
import type { AuthorizationDecision, Policy } from './policy.js';

const actor: Actor = { id: 'cara', roles: ['cashier'] };
const request = { actor, permission: 'inventory.adjust', storeId: 'store-a' } as const;
const refusal: AuthorizationDecision = { allowed: false, reason: 'no adjusting at the till' };

const answering = (decision: AuthorizationDecision): Policy => ({ authorize: () => decision });
const answeringLater = (decision: AuthorizationDecision): Policy => ({
  authorize: async () => decision,
});

function expectForbidden(error: unknown): void {
  expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
  expect((error as Error).message).toBe('Forbidden: no adjusting at the till');
  expect((error as { details?: unknown }).details).toEqual({
    actorId: 'cara',
    permission: 'inventory.adjust',
    storeId: 'store-a',
  });
}

describe('authorizeEagerly', () => {
  it('answers a synchronous policy without a promise: nothing when allowed, a throw when refused', () => {
    expect(authorizeEagerly(answering({ allowed: true }), request)).toBeUndefined();
    expectForbidden(thrownBy(() => authorizeEagerly(answering(refusal), request)));
  });

  it('returns a promise for an asynchronous policy, settling as authorize does', async () => {
    await expect(authorizeEagerly(answeringLater({ allowed: true }), request)).resolves.toBeUndefined();
    const eager = authorizeEagerly(answeringLater(refusal), request);
    expect(eager).toBeInstanceOf(Promise);
    expectForbidden(await rejection(eager as Promise<void>));
    expectForbidden(await rejection(authorize(answeringLater(refusal), request)));
  });
});
