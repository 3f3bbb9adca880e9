import type { Money } from '@retailkit/core';

/** Where a resolved price came from. */
export type PriceSource = 'price-list' | 'list-price';

/** The price a SKU sells at in a store at an instant, with its tax rate. */
export interface ResolvedPrice {
  /** The SKU code. */
  readonly sku: string;
  /** The store it was resolved for. */
  readonly storeId: string;
  /** The instant it was resolved for (ISO-8601 UTC). */
  readonly at: string;
  /** The price. */
  readonly price: Money;
  /** `price-list` when a price list priced it, `list-price` when the SKU's own list price did. */
  readonly source: PriceSource;
  /** The winning price list, when `source` is `price-list`. */
  readonly priceListId?: string;
  /** The winning price entry, when `source` is `price-list`. */
  readonly priceId?: string;
  /** The product's tax class. */
  readonly taxClassId: string;
  /** Its rate in this store, in percent as a decimal string (`"19"`, `"7.5"`). */
  readonly taxRate: string;
}
