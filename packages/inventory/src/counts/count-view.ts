import { itemOf } from '../shared/load-items.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { StockCountRecord, StockCountStatus, StockItemRecord } from '../storage/inventory-records.js';

/** One line of a count as commands and queries show it. */
export type StockCountLine = {
  /** The SKU. */
  readonly sku: string;
  /** The item's unit code. */
  readonly unit: string;
  /** On hand when the count opened; null while a blind count is open (counters must not see it). */
  readonly expected: string | null;
  /** What was counted; null until scanned. */
  readonly counted: string | null;
};

/** A stock count as commands and queries show it. */
export type StockCount = {
  /** Count id. */
  readonly id: string;
  /** The location counted. */
  readonly locationId: string;
  /** `open`, `posted` or `cancelled`. */
  readonly status: StockCountStatus;
  /** Whether counters are kept from seeing expected quantities while it is open. */
  readonly blind: boolean;
  /** `all` (the whole location) or `skus` (those listed when it opened). */
  readonly scope: 'all' | 'skus';
  /** One line per SKU, ordered by SKU. */
  readonly lines: readonly StockCountLine[];
  /** When it opened. */
  readonly openedAt: string;
  /** When it was posted. */
  readonly postedAt: string | null;
  /** Last change. */
  readonly updatedAt: string;
};

/**
 * The view of a stored count. Expected quantities are hidden while a blind count is open; once it
 * is posted or cancelled they are shown.
 */
export function toStockCount(
  record: StockCountRecord,
  items: ReadonlyMap<string, StockItemRecord>,
): StockCount {
  const hide = record.blind && record.status === 'open';
  return {
    id: record.id,
    locationId: record.locationId,
    status: record.status,
    blind: record.blind,
    scope: record.scope,
    lines: record.lines.map((line) => {
      const item = itemOf(items, line.sku);
      const format = (value: string): string => formatUnits(toUnits(value, item.scale), item.scale);
      return {
        sku: line.sku,
        unit: item.unit,
        expected: hide ? null : format(line.expected),
        counted: line.counted === null ? null : format(line.counted),
      };
    }),
    openedAt: record.openedAt,
    postedAt: record.postedAt,
    updatedAt: record.updatedAt,
  };
}

/** The stream of one count's events. */
export function countStream(id: string): string {
  return `count:${id}`;
}
