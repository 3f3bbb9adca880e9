import { idSchema } from '@retailkit/core';
import { z } from 'zod';
import { locationIdSchema } from '../shared/inventory-schemas.js';

/**
 * The fields naming an existing purchase order: its id and its location. The location is part of
 * the input so the actor is authorised in the order's store before anything is read.
 */
export const purchaseOrderRefShape = {
  /** The purchase order id. */
  id: idSchema,
  /** The location it is delivered to. */
  locationId: locationIdSchema,
};

/** Input of commands that only name a purchase order (order, close, cancel). */
export const purchaseOrderRefInput = z.strictObject(purchaseOrderRefShape);
