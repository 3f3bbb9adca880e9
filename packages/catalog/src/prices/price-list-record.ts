import type { CurrencyCode } from '@retailkit/core';

/** A price list as stored: prices in one currency for some stores (or all), with a priority. */
export type PriceListRecord = {
  /** The price list id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The currency of every price in it. */
  readonly currency: CurrencyCode;
  /** The stores it applies to, or null for every store. */
  readonly storeIds: readonly string[] | null;
  /** Higher wins when several lists price a SKU at once; ties go to the smaller list id. */
  readonly priority: number;
  /** Optimistic concurrency version: 1 on creation, one more per change. */
  readonly version: number;
  /** When it was created (ISO-8601 UTC). */
  readonly createdAt: string;
  /** When it last changed (ISO-8601 UTC). */
  readonly updatedAt: string;
};
