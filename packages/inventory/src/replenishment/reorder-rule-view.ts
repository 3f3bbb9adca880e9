import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { ReorderRuleRecord, StockItemRecord, StockLevelRecord } from '../storage/inventory-records.js';

/** A reorder rule as commands and queries show it: the stored rule, quantities at the item's scale. */
export type ReorderRule = ReorderRuleRecord & {
  /** The item's unit code. */
  readonly unit: string;
  /** The level's safety stock (kept on the stock level). */
  readonly safetyStock: string;
};

/** The view of a stored rule, with the safety stock of its level (zero when there is no level). */
export function toReorderRule(
  record: ReorderRuleRecord,
  item: Pick<StockItemRecord, 'unit' | 'scale'>,
  level: Pick<StockLevelRecord, 'safetyStock'> | undefined,
): ReorderRule {
  const format = (value: string): string => formatUnits(toUnits(value, item.scale), item.scale);
  return {
    locationId: record.locationId,
    sku: record.sku,
    unit: item.unit,
    reorderPoint: format(record.reorderPoint),
    method: record.method,
    reorderQuantity: record.reorderQuantity === null ? null : format(record.reorderQuantity),
    maxLevel: record.maxLevel === null ? null : format(record.maxLevel),
    leadTimeDays: record.leadTimeDays,
    demandWindowDays: record.demandWindowDays,
    safetyStock: format(level?.safetyStock ?? '0'),
    source: record.source,
    alerting: record.alerting,
    updatedAt: record.updatedAt,
  };
}
