/*
 * The catalog's tables (migration `0002-catalog`). Ids, codes, paths and name keys compare exactly
 * (binary collations); money amounts are `types.decimal` next to a currency column; plain JSON maps
 * and lists (SKU options, list prices, per-store tax rates, a price list's stores) are
 * `types.json`. Columns that drivers return in different shapes (decimals, instants, JSON) are
 * typed `unknown` and read through the value codec.
 */

/** `categories`: the category tree, by id; `path` is the materialised path from the root. */
export interface CategoriesTable {
  /** The category id. */
  id: string;
  /** Display name. */
  name: string;
  /** The parent category, or NULL for a root. */
  parent_id: string | null;
  /** `/root/…/id/`: every ancestor id and its own, each followed by `/`. */
  path: string;
  /** Optimistic concurrency version. */
  version: number;
  /** When it was created (instant). */
  created_at: unknown;
  /** When it last changed (instant). */
  updated_at: unknown;
}

/** `tax_classes`: tax rates, by id. */
export interface TaxClassesTable {
  /** The tax class id. */
  id: string;
  /** Display name. */
  name: string;
  /** The rate in percent, kept as written (`"7.50"` stays `"7.50"`), hence text, not decimal. */
  rate: string;
  /** Rates that differ per store: store id → rate (JSON object). */
  store_rates: unknown;
  /** Optimistic concurrency version. */
  version: number;
  /** When it was created (instant). */
  created_at: unknown;
  /** When it last changed (instant). */
  updated_at: unknown;
}

/** `products`: products, by id. */
export interface ProductsTable {
  /** The product id. */
  id: string;
  /** Display name. */
  name: string;
  /** The name's search key (NFKC, lower case); searches order by (`name_key`, `id`). */
  name_key: string;
  /** Longer text (empty when none). */
  description: string;
  /** The category, or NULL. */
  category_id: string | null;
  /** The tax class. */
  tax_class_id: string;
  /** `active` or `discontinued`. */
  status: string;
  /** Optimistic concurrency version. */
  version: number;
  /** When it was created (instant). */
  created_at: unknown;
  /** When it last changed (instant). */
  updated_at: unknown;
}

/** `skus`: SKUs, by code. */
export interface SkusTable {
  /** The SKU code, its id. */
  code: string;
  /** The product it is a variant of. */
  product_id: string;
  /** Display name. */
  name: string;
  /** The name's search key (NFKC, lower case); searches order by (`name_key`, `code`). */
  name_key: string;
  /** Option values: option → value (JSON object). */
  options: unknown;
  /** The unit code: a built-in unit, or a custom one when `unit_scale` is set. */
  unit_code: string;
  /** The decimal places of a custom unit; NULL for a built-in unit. */
  unit_scale: number | null;
  /** `active` or `discontinued`. */
  status: string;
  /** The unit cost's amount (decimal), or NULL when unknown. */
  cost_amount: unknown;
  /** The unit cost's currency, or NULL when unknown. */
  cost_currency: string | null;
  /** The list prices, one per currency (JSON array of `{ amount, currency }`). */
  list_prices: unknown;
  /** Optimistic concurrency version. */
  version: number;
  /** When it was created (instant). */
  created_at: unknown;
  /** When it last changed (instant). */
  updated_at: unknown;
}

/** `barcodes`: the barcode index, by lookup key (unique across the catalog). */
export interface BarcodesTable {
  /** The lookup key (a GTIN zero-padded to 14 digits, or the code itself). */
  key: string;
  /** The code as it was added. */
  barcode: string;
  /** The symbology. */
  symbology: string;
  /** The SKU holding it. */
  sku: string;
  /** When it was added (instant). */
  created_at: unknown;
}

/** `price_lists`: price lists, by id. */
export interface PriceListsTable {
  /** The price list id. */
  id: string;
  /** Display name. */
  name: string;
  /** The currency of its prices. */
  currency: string;
  /** The stores it applies to (JSON array), or NULL for every store. */
  store_ids: unknown;
  /** Higher wins. */
  priority: number;
  /** Optimistic concurrency version. */
  version: number;
  /** When it was created (instant). */
  created_at: unknown;
  /** When it last changed (instant). */
  updated_at: unknown;
}

/** `prices`: prices of a SKU in a price list over a validity, by id. */
export interface PricesTable {
  /** The price id. */
  id: string;
  /** The price list. */
  price_list_id: string;
  /** The SKU code. */
  sku: string;
  /** The one store it is limited to, or NULL for all the list's stores. */
  store_id: string | null;
  /** The amount (decimal). */
  amount: unknown;
  /** The amount's currency (the list's). */
  currency: string;
  /** First instant it applies, or NULL. */
  valid_from: unknown;
  /** First instant it no longer applies, or NULL. */
  valid_to: unknown;
  /** Optimistic concurrency version. */
  version: number;
  /** When it was created (instant). */
  created_at: unknown;
  /** When it last changed (instant). */
  updated_at: unknown;
}

/** `catalog_locks`: one row per named lock (`categories`), taken with `SELECT … FOR UPDATE`. */
export interface CatalogLocksTable {
  /** The lock's name. */
  name: string;
}

/** The catalog tables. */
export interface CatalogTables {
  /** Categories. */
  categories: CategoriesTable;
  /** Tax classes. */
  tax_classes: TaxClassesTable;
  /** Products. */
  products: ProductsTable;
  /** SKUs. */
  skus: SkusTable;
  /** The barcode index. */
  barcodes: BarcodesTable;
  /** Price lists. */
  price_lists: PriceListsTable;
  /** Prices. */
  prices: PricesTable;
  /** Named lock rows. */
  catalog_locks: CatalogLocksTable;
}
