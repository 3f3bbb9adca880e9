import { defineCommand, idSchema, resolveUnit, unitOfMeasureSchema, ValidationError } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { skuSchema } from '../shared/inventory-schemas.js';
import type { StockItemRecord } from '../storage/inventory-records.js';

/** Input of {@link registerItem}. */
export const registerItemInput = z.strictObject({
  /** The SKU code (the catalog's SKU id). */
  sku: skuSchema,
  /** Display name. */
  name: z.string().trim().min(1).max(300),
  /** Unit of measure: `each` (default), `kg`, … or `{ code, scale }`. Fixed once registered. */
  unit: unitOfMeasureSchema.default('each'),
  /** Category for reports. */
  categoryId: idSchema.nullable().default(null),
  /** `discontinued` items can no longer be received, reserved or transferred; default `active`. */
  status: z.literal(['active', 'discontinued']).default('active'),
});

/**
 * Registers a SKU with inventory, or updates its name, category and status. Its unit cannot change
 * once registered, because stored quantities are in it. Emits `inventory.item-registered`.
 */
export const registerItem = defineCommand({
  name: 'inventory.register-item',
  permission: 'inventory.configure',
  input: registerItemInput,
  handler: async (ctx: InventoryCommandContext, input): Promise<StockItemRecord> => {
    const repository = ctx.tx.inventory;
    const unit = resolveUnit(input.unit);
    const existing = await repository.getItem(input.sku);
    if (existing && (existing.unit !== unit.code || existing.scale !== unit.scale)) {
      throw new ValidationError([{ path: 'unit', message: `is ${existing.unit} and cannot change` }], {
        context: 'inventory.register-item input',
      });
    }
    const record: StockItemRecord = {
      sku: input.sku,
      name: input.name,
      unit: unit.code,
      scale: unit.scale,
      categoryId: input.categoryId,
      status: input.status,
      createdAt: existing?.createdAt ?? ctx.now.toISOString(),
    };
    await repository.putItem(record);
    ctx.emit({
      type: 'inventory.item-registered',
      stream: `item:${record.sku}`,
      payload: { ...record, created: existing === undefined },
    });
    return record;
  },
});
