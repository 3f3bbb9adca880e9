import type { CatalogStatus } from '../products/catalog-status.js';

/** What products and SKUs are searched by. Every filter given must match; results are paged. */
export interface SearchInput {
  /** Names starting with this, ignoring case (and Unicode compatibility forms); `''` matches all. */
  readonly namePrefix?: string | undefined;
  /** Only this category and its descendants. */
  readonly categoryId?: string | undefined;
  /** Only this status. */
  readonly status?: CatalogStatus | undefined;
  /** Page size, 1 to 500; 50 when left out. */
  readonly limit?: number | undefined;
  /** The `nextCursor` of the previous page; the first page when left out. */
  readonly after?: string | undefined;
}
