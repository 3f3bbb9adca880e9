import type { BarcodeRecord } from './barcodes/barcode-record.js';
import type { CategoryRecord } from './categories/category-record.js';
import type { PageKey } from './pagination/page-key.js';
import type { PriceListRecord } from './prices/price-list-record.js';
import type { PriceRecord } from './prices/price-record.js';
import type { CatalogStatus } from './products/catalog-status.js';
import type { ProductRecord } from './products/product-record.js';
import type { SkuRecord } from './skus/sku-record.js';
import type { TaxClassRecord } from './tax-classes/tax-class-record.js';

/** Which products a search returns. Every filter given must match. */
export type ProductFilter = {
  /**
   * Only names whose name key starts with this (already a name key: NFKC, lower case). Literal:
   * escape `%`, `_` and `\` in a LIKE pattern.
   */
  readonly namePrefix?: string;
  /** Only products whose category's `path` starts with this: a category and its descendants. */
  readonly categoryPath?: string;
  /** Only products with this status. */
  readonly status?: CatalogStatus;
};

/** Which SKUs a search returns. Every filter given must match. */
export type SkuFilter = {
  /** Only names whose name key starts with this (already a name key: NFKC, lower case). */
  readonly namePrefix?: string;
  /** Only SKUs whose product's category `path` starts with this: a category and its descendants. */
  readonly categoryPath?: string;
  /** Only SKUs with this status (their own, not their product's). */
  readonly status?: CatalogStatus;
  /** Only SKUs of this product. */
  readonly productId?: string;
};

/**
 * One page of a keyset-paginated search: at most `limit` records that come after `after` in the
 * order (`nameKey`, then id), both compared in Unicode code point order (UTF-8 byte order:
 * `COLLATE "C"` in PostgreSQL, a binary collation in MySQL, SQLite's default).
 */
export type PageRequest = {
  /** The most records to return. */
  readonly limit: number;
  /** Return only records strictly after this key; from the start when absent. */
  readonly after?: PageKey;
};

/**
 * The catalog's storage port: narrow persistence operations on plain records, bound to one
 * transaction. No business rules live here: the catalog validates, checks references and builds
 * every record (ids, paths, name keys, versions, timestamps) before it calls these.
 *
 * Conventions every adapter keeps:
 * - Records are plain JSON: instants are ISO-8601 UTC strings as `Date.toISOString()` writes them
 *   (so they compare as strings), money is `{ amount, currency }` with a decimal string amount,
 *   units are core unit codes (or `{ code, scale }`). An adapter returns what was put, unchanged
 *   (object key order aside).
 * - `put*(record, expectedVersion)` is optimistic concurrency. With `expectedVersion` null it
 *   inserts, and a row with the same id already there is a retryable `ConflictError` (a concurrent
 *   insert won; the retry sees it). Otherwise it replaces the row only if its stored version is
 *   `expectedVersion` (`UPDATE … WHERE id = ? AND version = ?`), and throws a retryable
 *   `ConflictError` when no row matched. The catalog writes `version = expectedVersion + 1`.
 * - Ids may hold any character but whitespace and `/`, including `%`, `_` and `\`: escape them in
 *   LIKE patterns (or use a range or `starts_with`). Ids, SKU codes, barcode keys, paths and name
 *   keys compare exactly (a binary collation: `A-1` and `a-1` are two SKUs, `abc` and `ABC` two
 *   barcodes), never with a case- or accent-insensitive one (MySQL's default).
 */
export interface CatalogRepository {
  /** The category with this id. */
  getCategory(id: string): Promise<CategoryRecord | undefined>;
  /** Inserts or replaces a category (see the `put` convention above). */
  putCategory(record: CategoryRecord, expectedVersion: number | null): Promise<void>;
  /**
   * Categories ordered by `path` (code point order), which lists each parent before its
   * children; only those whose path starts with `pathPrefix` when it is given.
   */
  listCategories(pathPrefix?: string): Promise<readonly CategoryRecord[]>;
  /**
   * Moves the descendants of a moved category: every category whose path starts with `from`
   * gets `to` in place of that prefix, one more version and `updatedAt`. The moved category itself
   * has already been put with its new path, so it no longer matches. Returns how many changed.
   * One statement in SQL: `UPDATE … SET path = ? || substr(path, ?) WHERE path LIKE ?`.
   */
  repathCategories(from: string, to: string, updatedAt: string): Promise<number>;
  /**
   * Serialises changes of the category tree: until this transaction ends, another transaction's
   * `lockCategoryTree` waits (or one of the two fails with a retryable ConflictError), and the
   * category reads that follow see every change committed before the lock was granted. The
   * catalog takes it before reading the paths it builds on (creating a child, moving a subtree),
   * so that two crosswise moves cannot both pass the cycle check, and a child created under a
   * category being moved cannot keep the old path: a path prefix update does not see rows inserted
   * after its statement began. In SQL: `SELECT … FROM catalog_locks WHERE name = 'categories' FOR
   * UPDATE` (or `pg_advisory_xact_lock`), then category reads that see the latest commits (READ
   * COMMITTED, or locking reads under REPEATABLE READ); SQLite's write lock already serialises.
   */
  lockCategoryTree(): Promise<void>;

  /** The tax class with this id. */
  getTaxClass(id: string): Promise<TaxClassRecord | undefined>;
  /** Inserts or replaces a tax class (see the `put` convention above). */
  putTaxClass(record: TaxClassRecord, expectedVersion: number | null): Promise<void>;
  /** Every tax class, ordered by id (code point order). */
  listTaxClasses(): Promise<readonly TaxClassRecord[]>;

  /** The product with this id. */
  getProduct(id: string): Promise<ProductRecord | undefined>;
  /** Inserts or replaces a product (see the `put` convention above). */
  putProduct(record: ProductRecord, expectedVersion: number | null): Promise<void>;
  /** Products matching `filter`, ordered by (`nameKey`, `id`), one page (see {@link PageRequest}). */
  searchProducts(filter: ProductFilter, page: PageRequest): Promise<readonly ProductRecord[]>;

  /** The SKU with this code. */
  getSku(code: string): Promise<SkuRecord | undefined>;
  /** Inserts or replaces a SKU (see the `put` convention above; the id is `code`). */
  putSku(record: SkuRecord, expectedVersion: number | null): Promise<void>;
  /** SKUs matching `filter`, ordered by (`nameKey`, `code`), one page (see {@link PageRequest}). */
  searchSkus(filter: SkuFilter, page: PageRequest): Promise<readonly SkuRecord[]>;

  /** The barcode index entry with this key, if any SKU holds it. */
  findSkuByBarcode(key: string): Promise<BarcodeRecord | undefined>;
  /** The barcodes of a SKU, ordered by key (code point order). */
  listBarcodes(sku: string): Promise<readonly BarcodeRecord[]>;
  /**
   * Claims `record.key` for `record.sku`: inserts the entry and returns true, or returns false and
   * changes nothing when the key is already taken, by any SKU. Atomic: of concurrent claims of one
   * key, exactly one returns true once all have committed. In SQL a unique key with
   * `INSERT … ON CONFLICT DO NOTHING` (MySQL: `INSERT IGNORE`) and the affected row count: a claim
   * racing an uncommitted one waits for it, then returns false (or true if it rolled back).
   */
  claimBarcode(record: BarcodeRecord): Promise<boolean>;
  /** Deletes the entry for `key` if `sku` holds it; returns whether it did. */
  releaseBarcode(key: string, sku: string): Promise<boolean>;

  /** The price list with this id. */
  getPriceList(id: string): Promise<PriceListRecord | undefined>;
  /** Inserts or replaces a price list (see the `put` convention above). */
  putPriceList(record: PriceListRecord, expectedVersion: number | null): Promise<void>;
  /** Every price list, ordered by id (code point order). */
  listPriceLists(): Promise<readonly PriceListRecord[]>;

  /** The price with this id. */
  getPrice(id: string): Promise<PriceRecord | undefined>;
  /** Inserts or replaces a price (see the `put` convention above). */
  putPrice(record: PriceRecord, expectedVersion: number | null): Promise<void>;
  /** Deletes a price; returns whether this call deleted it (false when it was gone, e.g. deleted concurrently). */
  deletePrice(id: string): Promise<boolean>;
  /** Every price of a SKU, in all lists and stores, ordered by id (code point order). */
  listPricesForSku(sku: string): Promise<readonly PriceRecord[]>;
  /**
   * The prices of one SKU in one price list, ordered by id, read for a change: until this
   * transaction ends, another transaction's `lockPrices` of the same SKU and list must wait, or
   * one of the two must fail with a retryable ConflictError. The catalog checks validity overlaps
   * on what this returns, so without the lock two concurrent `setPrice` calls could both insert.
   * In SQL: `SELECT … FROM skus WHERE code = ? FOR UPDATE`, then the prices (under serializable
   * isolation a plain read is enough: the engine reports the conflict).
   */
  lockPrices(priceListId: string, sku: string): Promise<readonly PriceRecord[]>;
}

/** The repositories the catalog needs from an adapter, next to the core ones. */
export interface CatalogRepositories {
  /** The catalog's records. */
  readonly catalog: CatalogRepository;
}
