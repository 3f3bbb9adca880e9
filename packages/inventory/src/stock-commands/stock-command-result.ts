import type { PostedLevel } from '../stock/post-stock-changes.js';
import { type StockLevel, toStockLevel } from '../stock/stock-level-view.js';
import type { StockLevelRecord } from '../storage/inventory-records.js';

/** What a direct stock command returns: the levels it changed, as they are afterwards. */
export interface StockCommandResult {
  /** The location. */
  readonly locationId: string;
  /** The location's business date the movements were booked on. */
  readonly businessDate: string;
  /** The changed levels after the command, ordered by SKU. */
  readonly levels: readonly StockLevel[];
}

/** Builds a {@link StockCommandResult}; `overrides` replace posted levels changed afterwards (costs). */
export function stockCommandResult(
  locationId: string,
  businessDate: string,
  posted: ReadonlyMap<string, PostedLevel>,
  overrides: ReadonlyMap<string, StockLevelRecord> = new Map(),
): StockCommandResult {
  const levels = [...posted.values()]
    .map((entry) => toStockLevel(overrides.get(entry.item.sku) ?? entry.level, entry.item))
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  return { locationId, businessDate, levels };
}

/** The level of each SKU after a command: the posted one, or its later replacement in `overrides`. */
export function levelsBySku(
  posted: ReadonlyMap<string, PostedLevel>,
  overrides: ReadonlyMap<string, StockLevelRecord> = new Map(),
): Map<string, StockLevelRecord> {
  const levels = new Map<string, StockLevelRecord>();
  for (const { item, level } of posted.values()) levels.set(item.sku, overrides.get(item.sku) ?? level);
  return levels;
}
