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

const CONTEXT = 'inventory.record-return input';

/** Input of {@link recordReturn}. */
export const recordReturnInput = z.strictObject({
  /** The store taking the goods back. */
  locationId: locationIdSchema,
  /** What came back, and in what condition. */
  lines: stockLinesSchema(
    z.strictObject({
      ...stockLineShape,
      /** `sellable` goes back on the shelf; `damaged` is booked in and written off at once. */
      condition: z.literal(['sellable', 'damaged']),
    }),
  ),
  /** The original order or receipt, kept on the ledger entries as an `order` reference; `note` is free text. */
  ...orderReferenceShape,
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
    const reference = orderReference(input);
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
    return postStockLines(ctx, location, resolved, changes, {
      type: 'inventory.stock-returned',
      extraOf: (line) => ({ condition: line.condition, reference: input.reference ?? null }),
    });
  },
});
