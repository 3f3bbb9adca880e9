import type {
  LocationRecord,
  PurchaseOrderRecord,
  ReorderRuleRecord,
  ReplenishmentSuggestionRecord,
  ReservationRecord,
  StockCountRecord,
  StockItemRecord,
  StockKey,
  StockLevelRecord,
  StockMovementRecord,
  TransferRecord,
} from '@retailkit/inventory';
import { MemoryTable } from '../transaction/memory-table.js';

/** The in-memory tables of the inventory module; they outlive transactions, which write through them. */
export interface MemoryInventoryTables {
  /** Locations by id. */
  readonly locations: MemoryTable<string, LocationRecord>;
  /** Items by SKU. */
  readonly items: MemoryTable<string, StockItemRecord>;
  /** Stock levels by {@link stockKeyOf}. */
  readonly levels: MemoryTable<string, StockLevelRecord>;
  /** Movements by id. */
  readonly movements: MemoryTable<string, StockMovementRecord>;
  /** Reservations by id. */
  readonly reservations: MemoryTable<string, ReservationRecord>;
  /** Purchase orders by id. */
  readonly purchaseOrders: MemoryTable<string, PurchaseOrderRecord>;
  /** Transfers by id. */
  readonly transfers: MemoryTable<string, TransferRecord>;
  /** Stock counts by id. */
  readonly counts: MemoryTable<string, StockCountRecord>;
  /** Reorder rules by {@link stockKeyOf}. */
  readonly reorderRules: MemoryTable<string, ReorderRuleRecord>;
  /** Replenishment suggestions by id. */
  readonly suggestions: MemoryTable<string, ReplenishmentSuggestionRecord>;
}

/** Creates empty inventory tables. */
export function createMemoryInventoryTables(): MemoryInventoryTables {
  return {
    locations: new MemoryTable(),
    items: new MemoryTable(),
    levels: new MemoryTable(),
    movements: new MemoryTable(),
    reservations: new MemoryTable(),
    purchaseOrders: new MemoryTable(),
    transfers: new MemoryTable(),
    counts: new MemoryTable(),
    reorderRules: new MemoryTable(),
    suggestions: new MemoryTable(),
  };
}

/**
 * The map key of a stock key. The length prefix keeps distinct keys apart even when ids contain
 * the separator a plain join would use.
 */
export function stockKeyOf(key: StockKey): string {
  return `${key.locationId.length}:${key.locationId}${key.sku}`;
}
