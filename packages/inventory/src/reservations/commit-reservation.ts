import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { stockNoteSchema } from '../stock-commands/stock-command-schemas.js';
import { settleReservationShape } from './reservation-line-input.js';
import type { ReservationView } from './reservation-view.js';
import { settleReservation } from './settle-reservation.js';

/** Input of {@link commitReservation}. */
export const commitReservationInput = z.strictObject({
  ...settleReservationShape,
  /** Free text for the ledger; defaults to `for <reference>`. */
  note: stockNoteSchema.optional(),
});

/**
 * Sells reserved stock, all of it or some lines: on hand and reserved drop together, with `sale`
 * ledger entries referencing the reservation, at the current average cost. Availability is not
 * checked again (the stock was promised). The reservation becomes `committed` once nothing is held
 * (or `released` if nothing was ever committed). Emits `inventory.reservation-committed`.
 */
export const commitReservation = defineCommand({
  name: 'inventory.commit-reservation',
  permission: 'inventory.sell',
  input: commitReservationInput,
  storeId: (input) => input.locationId,
  handler: (ctx: InventoryCommandContext, input): Promise<ReservationView> =>
    settleReservation(ctx, 'commit', input, 'inventory.commit-reservation input'),
});
