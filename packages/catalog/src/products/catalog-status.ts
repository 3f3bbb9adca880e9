import { z } from 'zod';

/** Whether a product or SKU is sold: `active`, or `discontinued` (kept for history, returns and lookups). */
export type CatalogStatus = 'active' | 'discontinued';

/** Every catalog status. */
export const CATALOG_STATUSES: readonly CatalogStatus[] = Object.freeze(['active', 'discontinued']);

/** Validates a catalog status. */
export const catalogStatusSchema = z.enum(['active', 'discontinued'], {
  error: 'must be "active" or "discontinued"',
});
