import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { settleReservationShape } from './reservation-line-input.js';
import type { ReservationView } from './reservation-view.js';
import { settleReservation } from './settle-reservation.js';

/** Input of {@link releaseReservation}. */
export const releaseReservationInput = z.strictObject(settleReservationShape);

/**
 * Hands reserved stock back to available, all of it or some lines. The reservation becomes final
 * once nothing is held: `released`, or `committed` if part of it was sold. Emits
 * `inventory.reservation-released`.
 */
export const releaseReservation = defineCommand({
  name: 'inventory.release-reservation',
  permission: 'inventory.reserve',
  input: releaseReservationInput,
  storeId: (input) => input.locationId,
  handler: (ctx: InventoryCommandContext, input): Promise<ReservationView> =>
    settleReservation(ctx, 'release', input, 'inventory.release-reservation input'),
});
