import { type Actor, type CommandRunner, idSchema, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema, pageRequestSchema } from '../shared/inventory-schemas.js';
import type { Page } from '../storage/inventory-repository.js';
import { reservationItems } from './reservation-items.js';
import { type ReservationView, toReservationView } from './reservation-view.js';

/** Input of {@link listReservations}: filters and paging. */
export const listReservationsInput = pageRequestSchema
  .extend({
    /** Only those for this reference (e.g. an order id). */
    reference: idSchema.optional(),
    /** Only those held here; required for actors limited to some stores. */
    locationId: locationIdSchema.optional(),
    /** Only those in this state. */
    status: z.literal(['open', 'committed', 'released', 'expired']).optional(),
  })
  .strict();

/**
 * Reservations by reference, location and status, ordered by id, a page at a time
 * (`inventory.read`; without `locationId` a chain-wide read).
 */
export async function listReservations(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof listReservationsInput>,
  options: { readonly actor: Actor },
): Promise<Page<ReservationView>> {
  const { limit, after, reference, locationId, status } = parseInput(
    listReservationsInput,
    input,
    'listReservations input',
  );
  return runner.query(inventoryRead(options.actor, locationId), async (tx) => {
    const page = await tx.inventory.listReservations(
      { reference, locationId, status },
      after === undefined ? { limit } : { limit, after },
    );
    const items = await reservationItems(tx.inventory, page.items);
    return {
      items: page.items.map((record) => toReservationView(record, items)),
      nextCursor: page.nextCursor,
    };
  });
}
