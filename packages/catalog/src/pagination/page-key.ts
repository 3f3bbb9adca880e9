/**
 * Where a page of search results ends: the sort key of its last record. Search results are
 * ordered by `nameKey`, then `id` (the SKU code for SKUs), both in Unicode code point order.
 */
export type PageKey = {
  /** The name key of the last record of the previous page. */
  readonly nameKey: string;
  /** Its id (the SKU code for SKUs). */
  readonly id: string;
};
