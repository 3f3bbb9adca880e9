import { maxUnits, toUnits } from '../stock/stock-units.js';
import type { ReorderRuleRecord } from '../storage/inventory-records.js';
import { ceilDiv, type DailySales } from './daily-sales.js';

/** The figures a suggestion is sized from, all in the item's units. */
export interface SizingBasis {
  /** Available + incoming (on hand − reserved + incoming). */
  readonly position: bigint;
  /** The level's safety stock. */
  readonly safetyStock: bigint;
  /** Recent sales, for the `demand` method (null otherwise). */
  readonly sales: DailySales | null;
}

/**
 * How much a rule asks for when the position is below its reorder point, in the item's units.
 * Every method brings the position back to at least the reorder point:
 * - `fixed-quantity`: the smallest multiple of `reorderQuantity` that does so (usually one);
 * - `up-to-max`: `maxLevel − position`;
 * - `demand`: up to the sales expected over the lead time plus one more demand window, plus safety
 *   stock — `⌈averageDailySales × (leadTimeDays + demandWindowDays)⌉ + safetyStock − position` —
 *   or to the reorder point if that is higher (no recent sales).
 */
export function suggestedUnits(rule: ReorderRuleRecord, scale: number, basis: SizingBasis): bigint {
  const reorderPoint = toUnits(rule.reorderPoint, scale);
  const shortfall = reorderPoint - basis.position;
  if (shortfall <= 0n) return 0n;
  switch (rule.method) {
    case 'fixed-quantity': {
      const lot = toUnits(rule.reorderQuantity ?? '0', scale);
      return lot > 0n ? ceilDiv(shortfall, lot) * lot : shortfall;
    }
    case 'up-to-max': {
      const maxLevel = toUnits(rule.maxLevel ?? rule.reorderPoint, scale);
      return maxUnits(maxLevel, reorderPoint) - basis.position;
    }
    case 'demand': {
      const sales = basis.sales;
      const cover =
        sales === null || sales.days <= 0
          ? 0n
          : ceilDiv(sales.sold * BigInt(rule.leadTimeDays + sales.days), BigInt(sales.days));
      const target = cover + basis.safetyStock;
      return maxUnits(target, reorderPoint) - basis.position;
    }
  }
}
