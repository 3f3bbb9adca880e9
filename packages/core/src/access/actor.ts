import { z } from 'zod';
import { idSchema } from '../validation/common-schemas.js';

/** Who runs a command: a person at a till, a back-office user, or a system job. */
export interface Actor {
  /** Stable id of the user or service, recorded on every ledger entry and event. */
  readonly id: string;
  /** Role names the policy understands (e.g. `cashier`, `manager`, or custom roles). */
  readonly roles: readonly string[];
  /** Stores the actor may act in; omitted means every store. */
  readonly storeIds?: readonly string[] | undefined;
}

/** Validates an {@link Actor}. */
export const actorSchema = z.object({
  id: idSchema,
  roles: z.array(idSchema).readonly(),
  storeIds: z.array(idSchema).readonly().optional(),
});

/** An actor for background jobs (expiry sweeps, replenishment runs), with the admin role. */
export function systemActor(id = 'system'): Actor {
  return { id, roles: ['admin'] };
}
