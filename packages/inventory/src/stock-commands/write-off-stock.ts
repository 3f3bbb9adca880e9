import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import { calendarOf } from '../locations/location-calendar.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema, quantityValueSchema, skuSchema } from '../shared/inventory-schemas.js';
import { requireLocation, resolveLines } from '../shared/require-records.js';
import { postedAverageCost, postStockChanges, type StockChange } from '../stock/post-stock-changes.js';
import { levelsBySku, type StockCommandResult, stockCommandResult } from './stock-command-result.js';
import { MAX_STOCK_LINES, stockNoteSchema } from './stock-command-schemas.js';
import { emitStockLineEvent } from './stock-line-event.js';

const CONTEXT = 'inventory.write-off-stock input';

/** Input of {@link writeOffStock}. */
export const writeOffStockInput = z.strictObject({
  /** The location losing the stock. */
  locationId: locationIdSchema,
  /** What is written off; several lines of one SKU are checked together. */
  lines: z
    .array(
      z.strictObject({
        /** The SKU. */
        sku: skuSchema,
        /** How much, greater than zero. */
        quantity: quantityValueSchema,
        /** Why, for the ledger. */
        note: stockNoteSchema.optional(),
      }),
    )
    .min(1)
    .max(MAX_STOCK_LINES),
});

/**
 * Writes stock off (unsellable, disposed of): on hand drops with `write-off` ledger entries at the
 * current average cost, guarded by availability and the backorder policy. Emits
 * `inventory.stock-written-off` per line.
 */
export const writeOffStock = defineCommand({
  name: 'inventory.write-off-stock',
  permission: 'inventory.adjust',
  input: writeOffStockInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<StockCommandResult> => {
    const repository = ctx.tx.inventory;
    const location = await requireLocation(repository, input.locationId, 'locationId', CONTEXT);
    const resolved = await resolveLines(repository, input.lines, 'lines', CONTEXT);
    const changes: StockChange[] = resolved.map(({ line, item, units }) => ({
      location,
      item,
      onHand: -units,
      movement: { reason: 'write-off', atAverageCost: true, note: line.note ?? null },
    }));
    const posted = await postStockChanges(ctx, changes);
    const businessDate = calendarOf(location).businessDayOf(ctx.now);
    const after = levelsBySku(posted);
    for (const { line, item, units } of resolved) {
      emitStockLineEvent(ctx, 'inventory.stock-written-off', {
        location,
        item,
        quantity: units,
        unitCost: postedAverageCost(posted, location.id, item.sku),
        level: after.get(item.sku),
        businessDate,
        extra: { note: line.note ?? null },
      });
    }
    return stockCommandResult(location.id, businessDate, posted);
  },
});
