import type { JsonValue } from '@retailkit/core';
import { calendarOf } from '../locations/location-calendar.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import type { QuantityLine, ResolvedLine } from '../shared/require-records.js';
import { postedAverageCost, postStockChanges, type StockChange } from '../stock/post-stock-changes.js';
import type { LocationRecord } from '../storage/inventory-records.js';
import { levelsBySku, type StockCommandResult, stockCommandResult } from './stock-command-result.js';
import { emitStockLineEvent } from './stock-line-event.js';

/**
 * Posts the changes of a direct stock command booked at the average cost (sale, return, write-off),
 * emits `eventType` once per input line with the level after the whole command and the fields
 * `extraOf` adds, and returns the changed levels.
 */
export async function postStockLines<L extends QuantityLine>(
  ctx: InventoryCommandContext,
  location: LocationRecord,
  resolved: readonly ResolvedLine<L>[],
  changes: readonly StockChange[],
  event: { readonly type: string; readonly extraOf: (line: L) => Readonly<Record<string, JsonValue>> },
): Promise<StockCommandResult> {
  const posted = await postStockChanges(ctx, changes);
  const businessDate = calendarOf(location).businessDayOf(ctx.now);
  const after = levelsBySku(posted);
  for (const { line, item, units } of resolved) {
    emitStockLineEvent(ctx, event.type, {
      location,
      item,
      quantity: units,
      unitCost: postedAverageCost(posted, location.id, item.sku),
      level: after.get(item.sku),
      businessDate,
      extra: event.extraOf(line),
    });
  }
  return stockCommandResult(location.id, businessDate, posted);
}
