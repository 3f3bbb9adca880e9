import { type Actor, type CommandRunner, idSchema, NotFoundError, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema } from '../shared/inventory-schemas.js';
import { reservationItems } from './reservation-items.js';
import { type ReservationView, toReservationView } from './reservation-view.js';

/** Input of {@link getReservation}. */
export const getReservationInput = z.strictObject({
  /** The reservation. */
  reservationId: idSchema,
  /** Where it is held: needed by actors limited to some stores; a mismatch reads as not found. */
  locationId: locationIdSchema.optional(),
});

/**
 * One reservation (`inventory.read`), or NotFoundError. Pass `locationId` when the actor is
 * limited to some stores: the read is authorised in that store.
 */
export async function getReservation(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof getReservationInput>,
  options: { readonly actor: Actor },
): Promise<ReservationView> {
  const { reservationId, locationId } = parseInput(getReservationInput, input, 'getReservation input');
  return runner.query(inventoryRead(options.actor, locationId), async (tx) => {
    const record = await tx.inventory.getReservation(reservationId);
    if (!record || (locationId !== undefined && record.locationId !== locationId)) {
      throw new NotFoundError('reservation', reservationId);
    }
    return toReservationView(record, await reservationItems(tx.inventory, [record]));
  });
}
