import { z } from 'zod';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';

/** Most stores a price list may name. */
export const MAX_PRICE_LIST_STORES = 1000;

/** Validates the stores a price list applies to: distinct store ids, at least one; null for every store. */
export const priceListStoresSchema = z
  .array(catalogIdSchema)
  .min(1, 'must name at least one store; use null for every store')
  .max(MAX_PRICE_LIST_STORES, `must name at most ${MAX_PRICE_LIST_STORES} stores`)
  .superRefine((storeIds, ctx) => {
    const seen = new Set<string>();
    for (const [index, storeId] of storeIds.entries()) {
      if (seen.has(storeId)) ctx.addIssue({ code: 'custom', path: [index], message: 'is listed twice' });
      seen.add(storeId);
    }
  })
  .nullable();

/** Validates a price list priority: a whole number from -1,000,000 to 1,000,000; higher wins. */
export const prioritySchema = z
  .number()
  .int('must be a whole number')
  .min(-1_000_000, 'must be at least -1000000')
  .max(1_000_000, 'must be at most 1000000');
