import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { ReplenishmentSuggestionRecord, StockItemRecord } from '../storage/inventory-records.js';

/**
 * A replenishment suggestion as commands and queries show it: the stored record without its
 * version, quantities at the item's scale, with the item's unit.
 */
export type ReplenishmentSuggestion = Omit<ReplenishmentSuggestionRecord, 'version'> & {
  /** The item's unit code. */
  readonly unit: string;
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
