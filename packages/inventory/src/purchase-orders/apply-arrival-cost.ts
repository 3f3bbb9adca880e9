import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { movingAverageCost } from '../stock/moving-average-cost.js';
import type { PostedLevel } from '../stock/post-stock-changes.js';
import { toUnits } from '../stock/stock-units.js';

/**
 * Folds a costed arrival into the level's moving-average cost, after `postStockChanges` added
 * `quantity` to on hand. The delta locked the level row (in SQL), so reading its balance back here
 * is safe: on hand before the arrival is the posted on hand minus `quantity`. Returns the new
 * average.
 */
export async function applyArrivalCost(
  ctx: InventoryCommandContext,
  posted: PostedLevel,
  quantity: bigint,
  unitCost: string,
): Promise<string> {
  const { level, item } = posted;
  const averageCost = movingAverageCost({
    onHand: toUnits(level.onHand, item.scale) - quantity,
    averageCost: level.averageCost,
    quantity,
    unitCost,
  });
  await ctx.tx.inventory.updateLevelSettings(
    { locationId: level.locationId, sku: level.sku },
    { averageCost, now: ctx.now.toISOString() },
  );
  return averageCost;
}
