import type { CatalogStatus } from './catalog-status.js';

/** A product as stored: what a customer would call one article; its sellable variants are SKUs. */
export type ProductRecord = {
  /** The product id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The name's search key (see `nameKey`): searches match and order by it. */
  readonly nameKey: string;
  /** Longer text; empty when there is none. */
  readonly description: string;
  /** The category, or null when uncategorised. */
  readonly categoryId: string | null;
  /** The tax class its SKUs are sold under. */
  readonly taxClassId: string;
  /** Whether it is sold. */
  readonly status: CatalogStatus;
  /** Optimistic concurrency version: 1 on creation, one more per change. */
  readonly version: number;
  /** When it was created (ISO-8601 UTC). */
  readonly createdAt: string;
  /** When it last changed (ISO-8601 UTC). */
  readonly updatedAt: string;
};
