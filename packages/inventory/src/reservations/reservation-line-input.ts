import { idSchema } from '@retailkit/core';
import { z } from 'zod';
import { locationIdSchema, quantityValueSchema, skuSchema } from '../shared/inventory-schemas.js';

/** The fields commit and release share. */
export const settleReservationShape = {
  /** The reservation. */
  reservationId: idSchema,
  /**
   * Where it is held. Needed by actors limited to some stores (it is the store the command is
   * authorised in); a reservation held elsewhere is reported as not found.
   */
  locationId: locationIdSchema.optional(),
  /** Which SKUs and how much; everything still held when left out. */
  lines: z
    .array(
      z.strictObject({
        /** A SKU of the reservation. */
        sku: skuSchema,
        /** How much, greater than zero and at most what the line still holds. */
        quantity: quantityValueSchema,
      }),
    )
    .min(1)
    .max(500)
    .optional(),
};
