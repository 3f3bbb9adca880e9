import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema } from '../shared/inventory-schemas.js';
import { requireLocation, resolveLines } from '../shared/require-records.js';
import type { StockChange } from '../stock/post-stock-changes.js';
import { postStockLines } from './post-stock-lines.js';
import type { StockCommandResult } from './stock-command-result.js';
import { stockLineShape, stockLinesSchema, stockNoteSchema } from './stock-command-schemas.js';

const CONTEXT = 'inventory.write-off-stock input';

/** Input of {@link writeOffStock}. */
export const writeOffStockInput = z.strictObject({
  /** The location losing the stock. */
  locationId: locationIdSchema,
  /** What is written off; several lines of one SKU are checked together. */
  lines: stockLinesSchema(
    z.strictObject({
      ...stockLineShape,
      /** Why, for the ledger. */
      note: stockNoteSchema.optional(),
    }),
  ),
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
    return postStockLines(ctx, location, resolved, changes, {
      type: 'inventory.stock-written-off',
      extraOf: (line) => ({ note: line.note ?? null }),
    });
  },
});
