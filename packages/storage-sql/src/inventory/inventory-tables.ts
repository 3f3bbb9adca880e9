/*
 * The inventory's tables (migration `0003-inventory`). Keys are `types.key` text compared exactly;
 * quantities, costs and balances are `types.decimal`; instants `types.instant`; document lines and
 * other nested values `types.json`. Columns that drivers return in different shapes (decimals,
 * instants, dates, JSON, booleans) are typed `unknown` and read through the value codec.
 */

/** `locations`: stores and warehouses, by id. */
export interface LocationsTable {
  /** The location (store) id. */
  id: string;
  /** `store` or `warehouse`. */
  kind: string;
  /** Display name. */
  name: string;
  /** IANA time zone. */
  time_zone: string;
  /** Start of the business day, `HH:mm`. */
  day_start: string;
  /** ISO 4217 currency code. */
  currency: string;
  /** `active` or `closed`. */
  status: string;
  /** When it was created (instant). */
  created_at: unknown;
}

/** `stock_items`: the SKUs inventory knows, by SKU. */
export interface StockItemsTable {
  /** The SKU code. */
  sku: string;
  /** Display name. */
  name: string;
  /** Unit code. */
  unit: string;
  /** Decimal places of its quantities. */
  scale: number;
  /** Category id for reports, or NULL. */
  category_id: string | null;
  /** `active` or `discontinued`. */
  status: string;
  /** When it was registered (instant). */
  created_at: unknown;
}

/** `stock_levels`: the balances of one SKU at one location, keyed by (location_id, sku). */
export interface StockLevelsTable {
  /** The location. */
  location_id: string;
  /** The SKU. */
  sku: string;
  /** On hand (decimal). */
  on_hand: unknown;
  /** Reserved (decimal). */
  reserved: unknown;
  /** Incoming (decimal). */
  incoming: unknown;
  /** In transit (decimal). */
  in_transit: unknown;
  /** Safety stock (decimal). */
  safety_stock: unknown;
  /** Backorder policy: `refuse` or `allow`. */
  backorder: string;
  /** How far below zero available may go with `allow` (decimal), NULL for no limit. */
  backorder_limit: unknown;
  /** Moving-average unit cost (decimal), NULL before any costed receipt. */
  average_cost: unknown;
  /** Last change (instant). */
  updated_at: unknown;
}

/** `stock_movements`: the append-only ledger, keyed by (location_id, occurred_at, id); ids are unique. */
export interface StockMovementsTable {
  /** The location. */
  location_id: string;
  /** When it happened (instant). */
  occurred_at: unknown;
  /** Movement id, unique across locations. */
  id: string;
  /** The SKU. */
  sku: string;
  /** Why stock moved. */
  reason: string;
  /** An adjustment's sub-reason, or NULL. */
  sub_reason: string | null;
  /** Signed change of on hand (decimal). */
  quantity: unknown;
  /** Unit cost (decimal), or NULL. */
  unit_cost: unknown;
  /** The document type behind it, or NULL. */
  reference_type: string | null;
  /** That document's id, or NULL. */
  reference_id: string | null;
  /** Who caused it. */
  actor_id: string;
  /** The location's business date of `occurred_at` (date). */
  business_date: unknown;
  /** Free text, or NULL. */
  note: string | null;
}

/** `reservations`: stock promised at one location, keyed by (location_id, id); ids are unique. */
export interface ReservationsTable {
  /** Where the stock is held. */
  location_id: string;
  /** Reservation id. */
  id: string;
  /** What it is for, e.g. an order id. */
  reference: string;
  /** `open`, `committed`, `released` or `expired`. */
  status: string;
  /** The lines (JSON array). */
  lines: unknown;
  /** When an open reservation lapses (instant), or NULL. */
  expires_at: unknown;
  /** Who made it. */
  actor_id: string;
  /** When it was made (instant). */
  created_at: unknown;
  /** Last change (instant). */
  updated_at: unknown;
  /** Optimistic-concurrency version. */
  version: number;
}

/** `purchase_orders`: orders to suppliers, keyed by (location_id, id); ids are unique. */
export interface PurchaseOrdersTable {
  /** Where it is delivered. */
  location_id: string;
  /** Purchase order id. */
  id: string;
  /** The supplier's id. */
  supplier_id: string;
  /** Its state. */
  status: string;
  /** The currency of its unit costs. */
  currency: string;
  /** The lines (JSON array). */
  lines: unknown;
  /** Expected delivery date (date), or NULL. */
  expected_on: unknown;
  /** The suggestion it came from, or NULL. */
  suggestion_id: string | null;
  /** When created (instant). */
  created_at: unknown;
  /** Last change (instant). */
  updated_at: unknown;
  /** Optimistic-concurrency version. */
  version: number;
}

/** `transfers`: stock moving between locations, keyed by (from_location_id, id); ids are unique. */
export interface TransfersTable {
  /** Where it leaves from. */
  from_location_id: string;
  /** Transfer id. */
  id: string;
  /** Where it goes. */
  to_location_id: string;
  /** Its state. */
  status: string;
  /** The lines (JSON array). */
  lines: unknown;
  /** The suggestion it came from, or NULL. */
  suggestion_id: string | null;
  /** When it shipped (instant), or NULL. */
  shipped_at: unknown;
  /** When created (instant). */
  created_at: unknown;
  /** Last change (instant). */
  updated_at: unknown;
  /** Optimistic-concurrency version. */
  version: number;
}

/** `stock_counts`: physical counts, keyed by (location_id, id); ids are unique. */
export interface StockCountsTable {
  /** The location counted. */
  location_id: string;
  /** Count id. */
  id: string;
  /** `open`, `posted` or `cancelled`. */
  status: string;
  /** Whether counters see expected quantities (boolean). */
  blind: unknown;
  /** `all` or `skus`. */
  scope: string;
  /** The lines (JSON array). */
  lines: unknown;
  /** When it opened (instant). */
  opened_at: unknown;
  /** When it was posted (instant), or NULL. */
  posted_at: unknown;
  /** Last change (instant). */
  updated_at: unknown;
  /** Optimistic-concurrency version. */
  version: number;
}

/** `reorder_rules`: when and how much to reorder, keyed by (location_id, sku). */
export interface ReorderRulesTable {
  /** The location. */
  location_id: string;
  /** The SKU. */
  sku: string;
  /** Reorder point (decimal). */
  reorder_point: unknown;
  /** `fixed-quantity`, `up-to-max` or `demand`. */
  method: string;
  /** Fixed reorder quantity (decimal), or NULL. */
  reorder_quantity: unknown;
  /** Level to fill up to (decimal), or NULL. */
  max_level: unknown;
  /** Days from ordering to arrival. */
  lead_time_days: number;
  /** Days of sales to average, or NULL. */
  demand_window_days: number | null;
  /** Where replenishment comes from (JSON object). */
  source: unknown;
  /** Whether a low-stock alert is active (boolean). */
  alerting: unknown;
  /** Last change (instant). */
  updated_at: unknown;
}

/** `replenishment_suggestions`: proposed replenishments, keyed by (location_id, id); ids are unique. */
export interface ReplenishmentSuggestionsTable {
  /** The location. */
  location_id: string;
  /** Suggestion id. */
  id: string;
  /** The SKU. */
  sku: string;
  /** How much to bring in (decimal). */
  quantity: unknown;
  /** Where from (JSON object). */
  source: unknown;
  /** `open`, `converted` or `dismissed`. */
  status: string;
  /** `purchase-order` or `transfer` once converted, else NULL. */
  document_type: string | null;
  /** The document's id, or NULL. */
  document_id: string | null;
  /** The figures it was computed from (JSON object). */
  basis: unknown;
  /** When created (instant). */
  created_at: unknown;
  /** Last change (instant). */
  updated_at: unknown;
  /** Optimistic-concurrency version. */
  version: number;
}

/** The inventory's tables. */
export interface InventoryTables {
  /** Locations. */
  locations: LocationsTable;
  /** Stocked items. */
  stock_items: StockItemsTable;
  /** Stock levels. */
  stock_levels: StockLevelsTable;
  /** The stock ledger. */
  stock_movements: StockMovementsTable;
  /** Reservations. */
  reservations: ReservationsTable;
  /** Purchase orders. */
  purchase_orders: PurchaseOrdersTable;
  /** Transfers. */
  transfers: TransfersTable;
  /** Stock counts. */
  stock_counts: StockCountsTable;
  /** Reorder rules. */
  reorder_rules: ReorderRulesTable;
  /** Replenishment suggestions. */
  replenishment_suggestions: ReplenishmentSuggestionsTable;
}
