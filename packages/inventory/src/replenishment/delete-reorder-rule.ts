import { defineCommand, NotFoundError } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema, skuSchema } from '../shared/inventory-schemas.js';
import { stockStream } from '../stock/stock-stream.js';

/** Input of {@link deleteReorderRule}. */
export const deleteReorderRuleInput = z.strictObject({
  /** The location. */
  locationId: locationIdSchema,
  /** The SKU. */
  sku: skuSchema,
});

/** What {@link deleteReorderRule} returns. */
export type DeleteReorderRuleResult = {
  /** The location. */
  readonly locationId: string;
  /** The SKU. */
  readonly sku: string;
  /** Always true: a missing rule throws NotFoundError. */
  readonly deleted: true;
};

/**
 * Deletes the reorder rule of one SKU at one location: no more alerts or suggestions for it. Open
 * suggestions made from it stay until converted or dismissed. Throws NotFoundError when there is no
 * rule. Emits `inventory.reorder-rule-deleted`.
 */
export const deleteReorderRule = defineCommand({
  name: 'inventory.delete-reorder-rule',
  permission: 'inventory.configure',
  input: deleteReorderRuleInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<DeleteReorderRuleResult> => {
    const key = { locationId: input.locationId, sku: input.sku };
    // Lock the level first, as stock changes do before they rewrite the rule's alert flag: on SQL
    // one could otherwise write back the rule it read before this deletion.
    await ctx.tx.inventory.updateLevelSettings(key, { now: ctx.now.toISOString() });
    const deleted = await ctx.tx.inventory.deleteReorderRule(key);
    if (!deleted) throw new NotFoundError('reorder rule', `${input.locationId}/${input.sku}`);
    ctx.emit({
      type: 'inventory.reorder-rule-deleted',
      stream: stockStream(input.locationId, input.sku),
      storeId: input.locationId,
      payload: { ...key },
    });
    return { ...key, deleted: true };
  },
});
