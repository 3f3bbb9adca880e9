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

const CONTEXT = 'inventory.record-return input';

/** Input of {@link recordReturn}. */
export const recordReturnInput = z.strictObject({
  /** The store taking the goods back. */
  locationId: locationIdSchema,
  /** What came back, and in what condition. */
  lines: z
    .array(
      z.strictObject({
        /** The SKU. */
        sku: skuSchema,
        /** How much, greater than zero. */
        quantity: quantityValueSchema,
        /** `sellable` goes back on the shelf; `damaged` is booked in and written off at once. */
        condition: z.literal(['sellable', 'damaged']),
      }),
    )
    .min(1)
    .max(MAX_STOCK_LINES),
  /** The original order or receipt, kept on the ledger entries as an `order` reference. */
  reference: stockReferenceSchema.optional(),
  /** Free text for the ledger. */
  note: stockNoteSchema.optional(),
});

/**
 * Takes goods back from a customer. A `sellable` line adds to on hand (`return-sellable`); a
 * `damaged` line is booked in (`return-damaged`) and written off (`write-off`) in the same
 * command, so the ledger shows both and on hand is unchanged. Booked at the current average cost.
 * Emits `inventory.stock-returned` per line.
 */
export const recordReturn = defineCommand({
  name: 'inventory.record-return',
  permission: 'inventory.return',
  input: recordReturnInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<StockCommandResult> => {
    const repository = ctx.tx.inventory;
    const location = await requireLocation(repository, input.locationId, 'locationId', CONTEXT);
    const resolved = await resolveLines(repository, input.lines, 'lines', CONTEXT);
    const reference = {
      referenceType: input.reference === undefined ? null : 'order',
      referenceId: input.reference ?? null,
      note: input.note ?? null,
    };
    const changes: StockChange[] = resolved.flatMap(({ line, item, units }): StockChange[] => {
      if (line.condition === 'sellable') {
        return [
          {
            location,
            item,
            onHand: units,
            movement: { reason: 'return-sellable', atAverageCost: true, ...reference },
          },
        ];
      }
      return [
        {
          location,
          item,
          onHand: units,
          movement: { reason: 'return-damaged', atAverageCost: true, ...reference },
        },
        {
          location,
          item,
          onHand: -units,
          movement: { reason: 'write-off', atAverageCost: true, ...reference },
        },
      ];
    });
    // A damaged line nets to zero and a sellable one adds, so nothing here can fall short.
    const posted = await postStockChanges(ctx, changes);
    const businessDate = calendarOf(location).businessDayOf(ctx.now);
    const after = levelsBySku(posted);
    for (const { line, item, units } of resolved) {
      emitStockLineEvent(ctx, 'inventory.stock-returned', {
        location,
        item,
        quantity: units,
        unitCost: postedAverageCost(posted, location.id, item.sku),
        level: after.get(item.sku),
        businessDate,
        extra: { condition: line.condition, reference: input.reference ?? null },
      });
    }
    return stockCommandResult(location.id, businessDate, posted);
  },
});
