/*
 * The orders module's tables (migration `0004-orders`). Keys are `types.key` text compared exactly;
 * instants `types.instant`; the order's nested parts `types.json`. Columns that drivers return in
 * different shapes (instants, JSON) are typed `unknown` and read through the value codec.
 */

/** `orders`: one row per order, keyed by (store_id, id); ids are unique. */
export interface OrdersTable {
  /** The store that sold it. */
  store_id: string;
  /** Order id. */
  id: string;
  /** Where stock is reserved and fulfilled from. */
  location_id: string;
  /** `in-store`, `pickup` or `delivery`. */
  channel: string;
  /** The customer, or NULL. */
  customer_id: string | null;
  /** Its state in the order process. */
  status: string;
  /** ISO 4217 currency of every amount. */
  currency: string;
  /** When created (instant). */
  created_at: unknown;
  /** When placed (instant), NULL while a draft. */
  placed_at: unknown;
  /** Last change (instant). */
  updated_at: unknown;
  /** Optimistic-concurrency version. */
  version: number;
  /** Every other field of the order record (JSON object). */
  body: unknown;
}

/** `order_history`: the append-only history of each order, keyed by (order_id, sequence). */
export interface OrderHistoryTable {
  /** The order's store. */
  store_id: string;
  /** The order. */
  order_id: string;
  /** 1, 2, 3… within the order. */
  sequence: number;
  /** The event applied. */
  event: string;
  /** The state before. */
  from_state: string;
  /** The state after. */
  to_state: string;
  /** Who applied it. */
  actor_id: string;
  /** When (instant). */
  at: unknown;
  /** Why, or NULL. */
  reason: string | null;
  /** Facts of the event (JSON object). */
  details: unknown;
}

/** The orders tables, by name without the prefix. */
export interface OrdersTables {
  /** Orders. */
  orders: OrdersTable;
  /** Order history. */
  order_history: OrderHistoryTable;
}
