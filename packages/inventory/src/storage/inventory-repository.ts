import type {
  LocationKind,
  LocationRecord,
  MovementReason,
  PurchaseOrderRecord,
  PurchaseOrderStatus,
  ReorderRuleRecord,
  ReplenishmentSuggestionRecord,
  ReservationRecord,
  ReservationStatus,
  StockCountRecord,
  StockItemRecord,
  StockKey,
  StockLevelRecord,
  StockMovementRecord,
  SuggestionStatus,
  TransferRecord,
  TransferStatus,
} from './inventory-records.js';

/** A page request: at most `limit` rows after the opaque `after` cursor of the previous page. */
export interface PageRequest {
  /** Most rows to return (1..1000). */
  readonly limit: number;
  /** The `nextCursor` of the previous page; omit for the first page. */
  readonly after?: string | undefined;
}

/** One page of rows and the cursor of the next, or null on the last page. */
export interface Page<T> {
  /** The rows, in the listing's stable order. */
  readonly items: readonly T[];
  /** Pass as `after` to read on; null when there is nothing more. */
  readonly nextCursor: string | null;
}

/** A signed change of a stock level's balances; absent fields stay as they are. */
export interface StockDelta {
  /** Change of on hand. */
  readonly onHand?: string;
  /** Change of reserved. */
  readonly reserved?: string;
  /** Change of incoming. */
  readonly incoming?: string;
  /** Change of in transit. */
  readonly inTransit?: string;
}

/** Filters for {@link InventoryRepository.listMovements} and {@link InventoryRepository.movementTotals}. */
export interface MovementFilter {
  /** Only this location. */
  readonly locationId?: string | undefined;
  /** Only this SKU. */
  readonly sku?: string | undefined;
  /** Only these reasons. */
  readonly reasons?: readonly MovementReason[] | undefined;
  /** `occurredAt` at or after this instant (ISO). */
  readonly from?: string | undefined;
  /** `occurredAt` before this instant (ISO): half-open. */
  readonly to?: string | undefined;
}

/** A sum of movement quantities for one stock key. */
export interface MovementTotal extends StockKey {
  /** The signed sum, a decimal string. */
  readonly quantity: string;
}

/**
 * The storage port of the inventory module: narrow operations on plain records. No business rule
 * lives here; the one rule-like operation, {@link InventoryRepository.applyStockDelta}, is a guarded
 * atomic update the domain parameterises.
 *
 * Concurrency contract for SQL adapters:
 * - `applyStockDelta` is one atomic statement (`UPDATE … SET on_hand = on_hand + $d … WHERE … AND
 *   guard RETURNING *`, after inserting a zero row if none exists). It locks the row until the
 *   transaction ends, so later reads and writes of that row in the same transaction are safe.
 *   The domain applies deltas in a stable key order (location, then SKU) to avoid deadlocks, and
 *   locks a level before the reorder rule of its key (never the other way round).
 * - `update…` operations of versioned documents succeed only when the stored version equals
 *   `expectedVersion`, store `expectedVersion + 1`, and otherwise throw a retryable ConflictError.
 * - `insert…` of an id that exists throws a ConflictError (not retryable).
 */
export interface InventoryRepository {
  // Locations
  /** The location, or undefined. */
  getLocation(id: string): Promise<LocationRecord | undefined>;
  /** Inserts or replaces a location. */
  putLocation(record: LocationRecord): Promise<void>;
  /** Locations ordered by id. */
  listLocations(
    filter: { readonly kind?: LocationKind | undefined },
    page: PageRequest,
  ): Promise<Page<LocationRecord>>;

  // Items
  /** The item, or undefined. */
  getItem(sku: string): Promise<StockItemRecord | undefined>;
  /** Several items at once, in any order; missing SKUs are left out. */
  getItems(skus: readonly string[]): Promise<readonly StockItemRecord[]>;
  /** Inserts or replaces an item. */
  putItem(record: StockItemRecord): Promise<void>;
  /** Items ordered by SKU. */
  listItems(
    filter: { readonly categoryId?: string | undefined },
    page: PageRequest,
  ): Promise<Page<StockItemRecord>>;

  // Stock levels
  /** The level, or undefined when nothing ever happened for the key. */
  getLevel(key: StockKey): Promise<StockLevelRecord | undefined>;
  /**
   * Adds `delta` to the level (creating a zero row first if there is none) only when, afterwards,
   * `onHand − reserved >= availableFloor` and `reserved`, `incoming` and `inTransit` are not
   * negative. Returns the updated row, or undefined (changing nothing) when the guard fails.
   *
   * `availableFloor` is a decimal string, null to skip the check, or `'policy'`: the floor the
   * level's own backorder policy sets, read in the same atomic update (`refuse`, and a level that
   * did not exist: 0; `allow` with a limit: minus the limit; `allow` without one: no check). In SQL:
   * `… AND ((backorder = 'allow' AND backorder_limit IS NULL) OR on_hand' − reserved' >= CASE WHEN
   * backorder = 'allow' THEN −backorder_limit ELSE 0 END)`, so a policy changed concurrently is
   * seen under the row lock, with no read before the update.
   */
  applyStockDelta(
    key: StockKey,
    delta: StockDelta,
    guard: { readonly availableFloor: string | null | 'policy'; readonly now: string },
  ): Promise<StockLevelRecord | undefined>;
  /**
   * Replaces the non-balance settings and cost of a level, creating a zero row if needed. Like
   * `applyStockDelta` it locks the row until the transaction ends (an upsert in SQL); commands call
   * it with only `now` to lock a level before they read and write what depends on it (its reorder
   * rule, open suggestions, a rebuild's recomputed balances).
   */
  updateLevelSettings(
    key: StockKey,
    settings: Partial<
      Pick<StockLevelRecord, 'safetyStock' | 'backorder' | 'backorderLimit' | 'averageCost'>
    > & {
      readonly now: string;
    },
  ): Promise<StockLevelRecord>;
  /** Overwrites the balances of a level (used by `rebuild` only). */
  putLevel(record: StockLevelRecord): Promise<void>;
  /** Levels ordered by location then SKU. */
  listLevels(
    filter: { readonly locationId?: string | undefined; readonly sku?: string | undefined },
    page: PageRequest,
  ): Promise<Page<StockLevelRecord>>;

  // Ledger
  /** Appends movements; ids are unique. */
  appendMovements(records: readonly StockMovementRecord[]): Promise<void>;
  /** Movements ordered by `occurredAt`, then id. */
  listMovements(filter: MovementFilter, page: PageRequest): Promise<Page<StockMovementRecord>>;
  /** Sums of movement quantities per stock key (keys without movements are left out). */
  movementTotals(filter: MovementFilter): Promise<readonly MovementTotal[]>;

  // Reservations
  /** Inserts a new reservation (version 1). */
  insertReservation(record: ReservationRecord): Promise<void>;
  /** The reservation, or undefined. */
  getReservation(id: string): Promise<ReservationRecord | undefined>;
  /** Replaces a reservation when its stored version is `expectedVersion`. */
  updateReservation(record: ReservationRecord, expectedVersion: number): Promise<void>;
  /** Reservations ordered by id. */
  listReservations(
    filter: {
      readonly reference?: string | undefined;
      readonly locationId?: string | undefined;
      readonly status?: ReservationStatus | undefined;
      /** Only those with `expiresAt` before this instant (ISO). */
      readonly expiresBefore?: string | undefined;
    },
    page: PageRequest,
  ): Promise<Page<ReservationRecord>>;

  // Purchase orders
  /** Inserts a new purchase order. */
  insertPurchaseOrder(record: PurchaseOrderRecord): Promise<void>;
  /** The purchase order, or undefined. */
  getPurchaseOrder(id: string): Promise<PurchaseOrderRecord | undefined>;
  /** Replaces a purchase order when its stored version is `expectedVersion`. */
  updatePurchaseOrder(record: PurchaseOrderRecord, expectedVersion: number): Promise<void>;
  /** Purchase orders ordered by id. */
  listPurchaseOrders(
    filter: {
      readonly locationId?: string | undefined;
      readonly statuses?: readonly PurchaseOrderStatus[] | undefined;
      readonly sku?: string | undefined;
    },
    page: PageRequest,
  ): Promise<Page<PurchaseOrderRecord>>;

  // Transfers
  /** Inserts a new transfer. */
  insertTransfer(record: TransferRecord): Promise<void>;
  /** The transfer, or undefined. */
  getTransfer(id: string): Promise<TransferRecord | undefined>;
  /** Replaces a transfer when its stored version is `expectedVersion`. */
  updateTransfer(record: TransferRecord, expectedVersion: number): Promise<void>;
  /** Transfers ordered by id; `locationId` matches either end. */
  listTransfers(
    filter: {
      readonly locationId?: string | undefined;
      readonly toLocationId?: string | undefined;
      readonly statuses?: readonly TransferStatus[] | undefined;
      readonly sku?: string | undefined;
    },
    page: PageRequest,
  ): Promise<Page<TransferRecord>>;

  // Counts
  /** Inserts a new count. */
  insertCount(record: StockCountRecord): Promise<void>;
  /** The count, or undefined. */
  getCount(id: string): Promise<StockCountRecord | undefined>;
  /** Replaces a count when its stored version is `expectedVersion`. */
  updateCount(record: StockCountRecord, expectedVersion: number): Promise<void>;
  /** Counts ordered by id. */
  listCounts(
    filter: {
      readonly locationId?: string | undefined;
      readonly status?: StockCountRecord['status'] | undefined;
    },
    page: PageRequest,
  ): Promise<Page<StockCountRecord>>;

  // Reorder rules
  /** The rule, or undefined. */
  getReorderRule(key: StockKey): Promise<ReorderRuleRecord | undefined>;
  /** Inserts or replaces a rule. */
  putReorderRule(record: ReorderRuleRecord): Promise<void>;
  /**
   * Flips the rule's `alerting` flag from `from` to `to` in one guarded update (SQL: `UPDATE … SET
   * alerting = $to WHERE … AND alerting = $from`, which sees the latest committed row even under
   * MySQL's REPEATABLE READ). Returns false, changing nothing, when there is no such rule or its
   * flag is not `from`: another transaction already fired or cleared the alert.
   */
  switchReorderAlert(
    key: StockKey,
    change: { readonly from: boolean; readonly to: boolean; readonly now: string },
  ): Promise<boolean>;
  /** Deletes a rule; false when there was none. */
  deleteReorderRule(key: StockKey): Promise<boolean>;
  /** Rules ordered by location then SKU. */
  listReorderRules(
    filter: { readonly locationId?: string | undefined; readonly sku?: string | undefined },
    page: PageRequest,
  ): Promise<Page<ReorderRuleRecord>>;

  // Replenishment suggestions
  /** Inserts a new suggestion. */
  insertSuggestion(record: ReplenishmentSuggestionRecord): Promise<void>;
  /** The suggestion, or undefined. */
  getSuggestion(id: string): Promise<ReplenishmentSuggestionRecord | undefined>;
  /** Replaces a suggestion when its stored version is `expectedVersion`. */
  updateSuggestion(record: ReplenishmentSuggestionRecord, expectedVersion: number): Promise<void>;
  /** Suggestions ordered by id. */
  listSuggestions(
    filter: {
      readonly locationId?: string | undefined;
      readonly sku?: string | undefined;
      readonly status?: SuggestionStatus | undefined;
    },
    page: PageRequest,
  ): Promise<Page<ReplenishmentSuggestionRecord>>;
}

/** The repositories the inventory module needs from a storage adapter, beside the core ones. */
export interface InventoryRepositories {
  /** Inventory records. */
  readonly inventory: InventoryRepository;
}
