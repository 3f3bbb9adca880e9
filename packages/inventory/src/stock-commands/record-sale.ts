import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema } from '../shared/inventory-schemas.js';
import { requireLocation, resolveLines } from '../shared/require-records.js';
import type { StockChange } from '../stock/post-stock-changes.js';
import { postStockLines } from './post-stock-lines.js';
import type { StockCommandResult } from './stock-command-result.js';
import {
  orderReference,
  orderReferenceShape,
  stockLineShape,
  stockLinesSchema,
} from './stock-command-schemas.js';

const CONTEXT = 'inventory.record-sale input';

/** Input of {@link recordSale}. */
export const recordSaleInput = z.strictObject({
  /** The store that sold. */
  locationId: locationIdSchema,
  /** What was sold; several lines of one SKU are checked together. */
  lines: stockLinesSchema(z.strictObject(stockLineShape)),
  ...orderReferenceShape,
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
    const reference = orderReference(input);
    const changes: StockChange[] = resolved.map(({ item, units }) => ({
      location,
      item,
      onHand: -units,
      movement: { reason: 'sale', atAverageCost: true, ...reference },
    }));
    return postStockLines(ctx, location, resolved, changes, {
      type: 'inventory.stock-sold',
      extraOf: () => ({ reference: input.reference ?? null }),
    });
  },
});
