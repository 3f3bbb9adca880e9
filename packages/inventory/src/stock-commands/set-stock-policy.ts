import { defineCommand, ValidationError } from '@retailkit/core';
import { z } from 'zod';
import { InputIssues } from '../shared/input-issues.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema, nonNegativeQuantityValueSchema, skuSchema } from '../shared/inventory-schemas.js';
import { requireLocation } from '../shared/require-records.js';
import { emitStockEvent } from '../stock/emit-stock-event.js';
import { type StockLevel, toStockLevel } from '../stock/stock-level-view.js';
import { formatUnits, tryToUnits } from '../stock/stock-units.js';
import type { StockLevelRecord } from '../storage/inventory-records.js';

const CONTEXT = 'inventory.set-stock-policy input';

/** Input of {@link setStockPolicy}; fields left out keep their value. */
export const setStockPolicyInput = z
  .strictObject({
    /** The location. */
    locationId: locationIdSchema,
    /** The SKU. */
    sku: skuSchema,
    /** `refuse`: available never drops below zero; `allow`: it may, down to `backorderLimit`. */
    backorder: z.literal(['refuse', 'allow']).optional(),
    /** With `allow`, how far below zero available may go; null for no limit. */
    backorderLimit: nonNegativeQuantityValueSchema.nullable().optional(),
    /** Buffer stock replenishment keeps back. */
    safetyStock: nonNegativeQuantityValueSchema.optional(),
  })
  .refine(
    (input) =>
      input.backorder !== undefined || input.backorderLimit !== undefined || input.safetyStock !== undefined,
    { message: 'set at least one of backorder, backorderLimit, safetyStock' },
  );

/**
 * Sets the stock policy of one SKU at one location: the backorder policy (default `refuse`), its
 * limit, and safety stock. Tightening the policy never changes stock; it only refuses later
 * decreases. Emits `inventory.stock-policy-set` and returns the level.
 */
export const setStockPolicy = defineCommand({
  name: 'inventory.set-stock-policy',
  permission: 'inventory.configure',
  input: setStockPolicyInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<StockLevel> => {
    const repository = ctx.tx.inventory;
    const location = await requireLocation(repository, input.locationId, 'locationId', CONTEXT);
    const item = await repository.getItem(input.sku);
    if (!item) {
      throw new ValidationError([{ path: 'sku', message: `unknown SKU ${JSON.stringify(input.sku)}` }], {
        context: CONTEXT,
      });
    }
    const issues = new InputIssues();
    const scaled = (path: string, value: string): string => {
      const units = tryToUnits(value, item.scale);
      if (units === undefined) {
        issues.add(
          path,
          `${item.sku} is measured in ${item.unit} to ${item.scale} decimals; ${value} is finer`,
        );
        return value;
      }
      return formatUnits(units, item.scale);
    };
    const settings: Partial<Pick<StockLevelRecord, 'safetyStock' | 'backorder' | 'backorderLimit'>> = {
      ...(input.backorder === undefined ? {} : { backorder: input.backorder }),
      ...(input.backorderLimit === undefined
        ? {}
        : {
            backorderLimit:
              input.backorderLimit === null ? null : scaled('backorderLimit', input.backorderLimit),
          }),
      ...(input.safetyStock === undefined ? {} : { safetyStock: scaled('safetyStock', input.safetyStock) }),
    };
    issues.throwIfAny(CONTEXT);
    const level = await repository.updateLevelSettings(
      { locationId: location.id, sku: item.sku },
      { ...settings, now: ctx.now.toISOString() },
    );
    const view = toStockLevel(level, item);
    emitStockEvent(
      ctx,
      'inventory.stock-policy-set',
      { location, item },
      {
        backorder: view.backorder,
        backorderLimit: view.backorderLimit,
        safetyStock: view.safetyStock,
      },
    );
    return view;
  },
});
