import { formatUnits, toUnits } from '../stock/stock-units.js';
import type {
  ReorderMethod,
  ReorderRuleRecord,
  ReplenishmentSource,
  StockItemRecord,
  StockLevelRecord,
} from '../storage/inventory-records.js';

/** A reorder rule as commands and queries show it: quantities at the item's scale. */
export type ReorderRule = {
  /** The location. */
  readonly locationId: string;
  /** The SKU. */
  readonly sku: string;
  /** The item's unit code. */
  readonly unit: string;
  /** Alert and suggest when available + incoming drops below this. */
  readonly reorderPoint: string;
  /** How a suggestion is sized. */
  readonly method: ReorderMethod;
  /** For `fixed-quantity`: how much one order brings. */
  readonly reorderQuantity: string | null;
  /** For `up-to-max`: the level to fill up to. */
  readonly maxLevel: string | null;
  /** Days from ordering to arrival. */
  readonly leadTimeDays: number;
  /** For `demand`: the number of past business days of sales averaged. */
  readonly demandWindowDays: number | null;
  /** The level's safety stock (kept on the stock level). */
  readonly safetyStock: string;
  /** Where replenishment comes from. */
  readonly source: ReplenishmentSource;
  /** True while a low-stock alert is out and stock has not recovered. */
  readonly alerting: boolean;
  /** When the rule last changed. */
  readonly updatedAt: string;
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
