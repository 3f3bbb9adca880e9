import { z } from 'zod';
import { idSchema } from '../validation/common-schemas.js';

/** Who runs a command: a person at a till, a back-office user, or a system job. */
export interface Actor {
  /** Stable id of the user or service, recorded on every ledger entry and event. */
  readonly id: string;
  /** Role names the policy understands (e.g. `cashier`, `manager`, or custom roles). */
  readonly roles: readonly string[];
  /**
   * Stores the actor may act in. Leaving the property out means every store; an explicit
   * `undefined` (say, a session whose stores never loaded) is refused, so scoping fails closed.
   */
  readonly storeIds?: readonly string[];
}

/** Validates an {@link Actor}. */
export const actorSchema: z.ZodType<Actor> = z
  .object({
    id: idSchema,
    roles: z.array(idSchema).readonly(),
    storeIds: z.array(idSchema).readonly().optional(),
  })
  .superRefine((actor, ctx) => {
    if (Object.hasOwn(actor, 'storeIds') && actor.storeIds === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['storeIds'],
        message: 'must be a list of store ids; leave it out only for an actor of every store',
      });
    }
  })
  .transform(({ storeIds, ...rest }): Actor => (storeIds === undefined ? rest : { ...rest, storeIds }));

/** An actor for background jobs (expiry sweeps, replenishment runs), with the admin role. */
export function systemActor(id = 'system'): Actor {
  return { id, roles: ['admin'] };
}
