import type { MoneyJson } from '@retailkit/core';
import type { CatalogStatus } from '../products/catalog-status.js';
import type { SkuUnit } from './sku-unit.js';

/** A SKU as stored: one sellable variant of a product, identified by its code. */
export type SkuRecord = {
  /** The SKU code, its id. */
  readonly code: string;
  /** The product it is a variant of. */
  readonly productId: string;
  /** Display name, e.g. `Tee / M / red`. */
  readonly name: string;
  /** The name's search key (see `nameKey`): searches match and order by it. */
  readonly nameKey: string;
  /** The option values that set it apart from its siblings, e.g. `{ size: 'M', colour: 'red' }`. */
  readonly options: { readonly [option: string]: string };
  /** The unit it is sold and stocked in; fixed once the SKU exists. */
  readonly unit: SkuUnit;
  /** Whether it is sold. */
  readonly status: CatalogStatus;
  /** The unit cost, or null when unknown. */
  readonly cost: MoneyJson | null;
  /** The list price per currency (at most one per currency), ordered by currency code. */
  readonly listPrices: readonly MoneyJson[];
  /** Optimistic concurrency version: 1 on creation, one more per change. */
  readonly version: number;
  /** When it was created (ISO-8601 UTC). */
  readonly createdAt: string;
  /** When it last changed (ISO-8601 UTC). */
  readonly updatedAt: string;
};
