import { formatUnits, toUnits } from '../stock/stock-units.js';
import type {
  ReplenishmentSource,
  ReplenishmentSuggestionRecord,
  StockItemRecord,
  SuggestionStatus,
} from '../storage/inventory-records.js';

/** A replenishment suggestion as commands and queries show it: quantities at the item's scale. */
export type ReplenishmentSuggestion = {
  /** Suggestion id. */
  readonly id: string;
  /** The location to replenish. */
  readonly locationId: string;
  /** The SKU. */
  readonly sku: string;
  /** The item's unit code. */
  readonly unit: string;
  /** How much to bring in. */
  readonly quantity: string;
  /** Where from. */
  readonly source: ReplenishmentSource;
  /** `open`, `converted` or `dismissed`. */
  readonly status: SuggestionStatus;
  /** Once converted: the kind of document made from it. */
  readonly documentType: 'purchase-order' | 'transfer' | null;
  /** That document's id. */
  readonly documentId: string | null;
  /** The figures it was computed from. */
  readonly basis: {
    /** Available (on hand − reserved) at the time. */
    readonly available: string;
    /** Incoming at the time. */
    readonly incoming: string;
    /** Average daily sales used, for rules sized by demand. */
    readonly averageDailySales: string | null;
  };
  /** When created. */
  readonly createdAt: string;
  /** Last change. */
  readonly updatedAt: string;
};

/** The view of a stored suggestion. */
export function toSuggestion(
  record: ReplenishmentSuggestionRecord,
  item: Pick<StockItemRecord, 'unit' | 'scale'>,
): ReplenishmentSuggestion {
  const format = (value: string): string => formatUnits(toUnits(value, item.scale), item.scale);
  return {
    id: record.id,
    locationId: record.locationId,
    sku: record.sku,
    unit: item.unit,
    quantity: format(record.quantity),
    source: record.source,
    status: record.status,
    documentType: record.documentType,
    documentId: record.documentId,
    basis: {
      available: format(record.basis.available),
      incoming: format(record.basis.incoming),
      averageDailySales: record.basis.averageDailySales,
    },
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
