import { calendarOf } from '../locations/location-calendar.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import type { LocationRecord, StockItemRecord, StockLevelRecord } from '../storage/inventory-records.js';
import { emitStockEvent } from './emit-stock-event.js';
import { formatUnits, toUnits } from './stock-units.js';

/**
 * Fires `inventory.low-stock` once when available + incoming drops below the reorder point, and
 * `inventory.stock-recovered` once when it is back at or above it; the rule's `alerting` flag
 * remembers which side it is on. The caller has just updated the level, which in SQL holds the
 * row lock, so two transactions cannot both see the crossing.
 */
export async function evaluateReorderAlert(
  ctx: InventoryCommandContext,
  entry: {
    readonly location: LocationRecord;
    readonly item: StockItemRecord;
    readonly level: StockLevelRecord;
  },
): Promise<void> {
  const { location, item, level } = entry;
  const rule = await ctx.tx.inventory.getReorderRule({ locationId: location.id, sku: item.sku });
  if (!rule) return;
  const scale = item.scale;
  const available = toUnits(level.onHand, scale) - toUnits(level.reserved, scale);
  const incoming = toUnits(level.incoming, scale);
  const position = available + incoming;
  const reorderPoint = toUnits(rule.reorderPoint, scale);
  const low = position < reorderPoint;
  if (low === rule.alerting) return;
  // The rule may have been read from a snapshot (MySQL REPEATABLE READ): only the transaction whose
  // guarded flip succeeds fires, so a crossing alerts once even when two sales race past it.
  const switched = await ctx.tx.inventory.switchReorderAlert(
    { locationId: location.id, sku: item.sku },
    { from: rule.alerting, to: low, now: ctx.now.toISOString() },
  );
  if (!switched) return;
  emitStockEvent(ctx, low ? 'inventory.low-stock' : 'inventory.stock-recovered', entry, {
    available: formatUnits(available, scale),
    incoming: formatUnits(incoming, scale),
    reorderPoint: formatUnits(reorderPoint, scale),
    businessDate: calendarOf(location).businessDayOf(ctx.now),
  });
}
