/** A tax class as stored: the VAT or sales-tax rate products in it carry. */
export type TaxClassRecord = {
  /** The tax class id, e.g. `standard` or `reduced`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The rate in percent as a decimal string, e.g. `"19"` or `"7.5"`. */
  readonly rate: string;
  /** Rates that differ in some stores (another region), by store id. */
  readonly storeRates: { readonly [storeId: string]: string };
  /** Optimistic concurrency version: 1 on creation, one more per change. */
  readonly version: number;
  /** When it was created (ISO-8601 UTC). */
  readonly createdAt: string;
  /** When it last changed (ISO-8601 UTC). */
  readonly updatedAt: string;
};
