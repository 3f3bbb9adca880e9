import { defineCommand, ValidationError } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema, quantityValueSchema, skuSchema } from '../shared/inventory-schemas.js';
import { refuseDuplicateSkus } from '../shared/refuse-duplicate-skus.js';
import { requireLocation, resolveLines } from '../shared/require-records.js';
import { formatUnits } from '../stock/stock-units.js';
import type { TransferRecord } from '../storage/inventory-records.js';
import { transferPayload, transferStream } from './transfer-payload.js';

/** Input of {@link createTransfer}. */
export const createTransferInput = z.strictObject({
  /** Where the stock leaves from (an active location). */
  fromLocationId: locationIdSchema,
  /** Where it goes (an active location other than the source). */
  toLocationId: locationIdSchema,
  /** What to move: one line per SKU. */
  lines: z
    .array(
      z.strictObject({
        /** The SKU (an active item). */
        sku: skuSchema,
        /** How much is asked for (greater than zero, within the item's decimals). */
        quantity: quantityValueSchema,
      }),
    )
    .min(1)
    .max(500),
});

/**
 * Drafts a transfer of stock between two locations. Nothing moves until it ships. A transfer to
 * its own location, or to one keeping costs in another currency (stock arrives at the cost it
 * left at), is refused with a ValidationError naming `toLocationId`. Emits
 * `inventory.transfer-created`.
 */
export const createTransfer = defineCommand({
  name: 'inventory.create-transfer',
  permission: 'inventory.transfer',
  input: createTransferInput,
  storeId: (input) => [input.fromLocationId, input.toLocationId],
  handler: async (ctx: InventoryCommandContext, input): Promise<TransferRecord> => {
    const context = 'inventory.create-transfer input';
    if (input.fromLocationId === input.toLocationId) {
      throw new ValidationError(
        [
          {
            path: 'toLocationId',
            message: 'must differ from fromLocationId: a transfer moves stock elsewhere',
          },
        ],
        { context },
      );
    }
    const repository = ctx.tx.inventory;
    const from = await requireLocation(repository, input.fromLocationId, 'fromLocationId', context);
    const to = await requireLocation(repository, input.toLocationId, 'toLocationId', context);
    if (to.currency !== from.currency) {
      // Stock arrives at the cost it left at, and each location keeps its average in its currency.
      throw new ValidationError(
        [
          {
            path: 'toLocationId',
            message: `keeps costs in ${to.currency}, the source in ${from.currency}: transfers stay within one currency`,
          },
        ],
        { context },
      );
    }
    refuseDuplicateSkus(input.lines, 'lines', context);
    const resolved = await resolveLines(repository, input.lines, 'lines', context, { requireActive: true });
    const now = ctx.now.toISOString();
    const record: TransferRecord = {
      id: ctx.ids.next(),
      fromLocationId: input.fromLocationId,
      toLocationId: input.toLocationId,
      status: 'draft',
      lines: resolved.map(({ item, units }) => {
        const zero = formatUnits(0n, item.scale);
        return {
          sku: item.sku,
          requested: formatUnits(units, item.scale),
          shipped: zero,
          received: zero,
          short: zero,
          over: zero,
          damaged: zero,
          unitCost: null,
        };
      }),
      suggestionId: null,
      shippedAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await repository.insertTransfer(record);
    ctx.emit({
      type: 'inventory.transfer-created',
      stream: transferStream(record.id),
      storeId: record.fromLocationId,
      payload: transferPayload(
        record,
        new Map(resolved.map(({ item }) => [item.sku, item])),
        from,
        ctx.now,
        from,
      ),
    });
    return record;
  },
});
