import { z } from 'zod';
import { locationIdSchema, skuSchema } from '../shared/inventory-schemas.js';

/** Input of `verifyStock` and `rebuildStock`: one location or all, one SKU or all. */
export const stockAuditInput = z.strictObject({
  /** Only this location; without it every location is audited (chain-wide permission needed). */
  locationId: locationIdSchema.optional(),
  /** Only this SKU. */
  sku: skuSchema.optional(),
});
