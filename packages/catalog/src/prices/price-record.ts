import type { MoneyJson } from '@retailkit/core';

/**
 * A price as stored: the amount of one SKU in one price list during a half-open validity
 * `[validFrom, validTo)`, for every store of the list or for one of them.
 */
export type PriceRecord = {
  /** The price id. */
  readonly id: string;
  /** The price list it belongs to. */
  readonly priceListId: string;
  /** The SKU code. */
  readonly sku: string;
  /** The one store of the list it is limited to, or null for all the list's stores. */
  readonly storeId: string | null;
  /** The amount, in the list's currency. */
  readonly amount: MoneyJson;
  /** First instant it applies (ISO-8601 UTC), or null for "always has". */
  readonly validFrom: string | null;
  /** First instant it no longer applies (ISO-8601 UTC), or null for "until further notice". */
  readonly validTo: string | null;
  /** Optimistic concurrency version: 1 on creation, one more per change. */
  readonly version: number;
  /** When it was created (ISO-8601 UTC). */
  readonly createdAt: string;
  /** When it last changed (ISO-8601 UTC). */
  readonly updatedAt: string;
};
