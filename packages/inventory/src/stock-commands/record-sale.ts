import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import { calendarOf } from '../locations/location-calendar.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema, quantityValueSchema, skuSchema } from '../shared/inventory-schemas.js';
import { requireLocation, resolveLines } from '../shared/require-records.js';
import { postedAverageCost, postStockChanges, type StockChange } from '../stock/post-stock-changes.js';
import { levelsBySku, type StockCommandResult, stockCommandResult } from './stock-command-result.js';
import { MAX_STOCK_LINES, stockNoteSchema, stockReferenceSchema } from './stock-command-schemas.js';
import { emitStockLineEvent } from './stock-line-event.js';

const CONTEXT = 'inventory.record-sale input';

/** Input of {@link recordSale}. */
export const recordSaleInput = z.strictObject({
  /** The store that sold. */
  locationId: locationIdSchema,
  /** What was sold; several lines of one SKU are checked together. */
  lines: z
    .array(
      z.strictObject({
        /** The SKU. */
        sku: skuSchema,
        /** How much, greater than zero. */
        quantity: quantityValueSchema,
      }),
    )
    .min(1)
    .max(MAX_STOCK_LINES),
  /** The order or till receipt, kept on the ledger entries as an `order` reference. */
  reference: stockReferenceSchema.optional(),
  /** Free text for the ledger. */
  note: stockNoteSchema.optional(),
});

/**
 * Records a sale that had no reservation (a till sale): on hand drops, guarded by availability and
 * the backorder policy, with `sale` ledger entries at the current average cost. For reserved stock
 * use `commitReservation` instead. Discontinued items can still be sold off. Emits
 * `inventory.stock-sold` per line.
 */
export const recordSale = defineCommand({
  name: 'inventory.record-sale',
  permission: 'inventory.sell',
  input: recordSaleInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<StockCommandResult> => {
    const repository = ctx.tx.inventory;
    const location = await requireLocation(repository, input.locationId, 'locationId', CONTEXT);
    const resolved = await resolveLines(repository, input.lines, 'lines', CONTEXT);
    const changes: StockChange[] = resolved.map(({ item, units }) => ({
      location,
      item,
      onHand: -units,
      movement: {
        reason: 'sale',
        atAverageCost: true,
        referenceType: input.reference === undefined ? null : 'order',
        referenceId: input.reference ?? null,
        note: input.note ?? null,
      },
    }));
    const posted = await postStockChanges(ctx, changes);
    const businessDate = calendarOf(location).businessDayOf(ctx.now);
    const after = levelsBySku(posted);
    for (const { item, units } of resolved) {
      emitStockLineEvent(ctx, 'inventory.stock-sold', {
        location,
        item,
        quantity: units,
        unitCost: postedAverageCost(posted, location.id, item.sku),
        level: after.get(item.sku),
        businessDate,
        extra: { reference: input.reference ?? null },
      });
    }
    return stockCommandResult(location.id, businessDate, posted);
  },
});
