import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import { calendarOf } from '../locations/location-calendar.js';
import { InputIssues } from '../shared/input-issues.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import {
  locationIdSchema,
  nonZeroQuantityValueSchema,
  skuSchema,
  unitCostSchema,
} from '../shared/inventory-schemas.js';
import { requireLocation, resolveLines } from '../shared/require-records.js';
import { movingAverageCost } from '../stock/moving-average-cost.js';
import { postedAverageCost, postStockChanges, type StockChange } from '../stock/post-stock-changes.js';
import { toUnits } from '../stock/stock-units.js';
import type { AdjustmentReason, StockLevelRecord } from '../storage/inventory-records.js';
import { levelsBySku, type StockCommandResult, stockCommandResult } from './stock-command-result.js';
import { stockLinesSchema, stockNoteSchema } from './stock-command-schemas.js';
import { emitStockLineEvent } from './stock-line-event.js';

const CONTEXT = 'inventory.adjust-stock input';

/** The sub-reasons that only ever remove stock. */
const DECREASING: readonly AdjustmentReason[] = ['damage', 'theft', 'expired'];

/** Input of {@link adjustStock}. */
export const adjustStockInput = z.strictObject({
  /** The location whose stock is corrected. */
  locationId: locationIdSchema,
  /** One line per correction; several lines of one SKU are checked together. */
  lines: stockLinesSchema(
    z.strictObject({
      /** The SKU. */
      sku: skuSchema,
      /** Signed change of on hand: negative removes stock, positive adds it. */
      quantity: nonZeroQuantityValueSchema,
      /**
       * Why: `damage`, `theft` and `expired` remove stock, `found` adds it, `other` goes either way.
       */
      reason: z.literal(['damage', 'theft', 'found', 'expired', 'other']),
      /** For stock added, what a unit cost: it updates the moving-average cost like a receipt. */
      unitCost: unitCostSchema.optional(),
      /** Free text for the ledger. */
      note: stockNoteSchema.optional(),
    }),
  ),
});

/**
 * Corrects stock with signed quantities and a reason per line, writing `adjustment` ledger entries.
 * Decreases may not take available below what the backorder policy allows (InsufficientStockError).
 * An increase with a `unitCost` updates the moving-average cost as a receipt would; other entries
 * are booked at the current average cost. Emits `inventory.stock-adjusted` per line.
 */
export const adjustStock = defineCommand({
  name: 'inventory.adjust-stock',
  permission: 'inventory.adjust',
  input: adjustStockInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<StockCommandResult> => {
    const repository = ctx.tx.inventory;
    const location = await requireLocation(repository, input.locationId, 'locationId', CONTEXT);
    const resolved = await resolveLines(repository, input.lines, 'lines', CONTEXT);
    const issues = new InputIssues();
    for (const { line, index, units } of resolved) {
      if (line.reason === 'found' && units < 0n) {
        issues.add(`lines.${index}.quantity`, 'stock found must be a positive quantity');
      } else if (DECREASING.includes(line.reason) && units > 0n) {
        issues.add(`lines.${index}.quantity`, `a ${line.reason} adjustment must be a negative quantity`);
      }
      if (line.unitCost !== undefined && units < 0n) {
        issues.add(`lines.${index}.unitCost`, 'only stock added carries a unit cost');
      }
    }
    issues.throwIfAny(CONTEXT);

    const changes: StockChange[] = resolved.map(({ line, item, units }) => ({
      location,
      item,
      onHand: units,
      movement: {
        reason: 'adjustment',
        subReason: line.reason,
        // Without a cost of its own, at the average as it stands under the row lock.
        ...(line.unitCost === undefined ? { atAverageCost: true } : { unitCost: line.unitCost }),
        note: line.note ?? null,
      },
    }));
    const posted = await postStockChanges(ctx, changes);

    // Costed increases move the average in line order, starting from on hand before the command.
    const updated = new Map<string, StockLevelRecord>();
    for (const entry of posted.values()) {
      const { item, level } = entry;
      const lines = resolved.filter((r) => r.item.sku === item.sku);
      if (!lines.some((r) => r.units > 0n && r.line.unitCost !== undefined)) continue;
      const net = lines.reduce((sum, r) => sum + r.units, 0n);
      let onHand = toUnits(level.onHand, item.scale) - net;
      let averageCost = level.averageCost;
      for (const { line, units } of lines) {
        if (units > 0n && line.unitCost !== undefined) {
          averageCost = movingAverageCost({ onHand, averageCost, quantity: units, unitCost: line.unitCost });
        }
        onHand += units;
      }
      if (averageCost !== level.averageCost) {
        updated.set(
          item.sku,
          await repository.updateLevelSettings(
            { locationId: location.id, sku: item.sku },
            { averageCost, now: ctx.now.toISOString() },
          ),
        );
      }
    }

    const businessDate = calendarOf(location).businessDayOf(ctx.now);
    const after = levelsBySku(posted, updated);
    for (const { line, item, units } of resolved) {
      emitStockLineEvent(ctx, 'inventory.stock-adjusted', {
        location,
        item,
        quantity: units,
        unitCost: line.unitCost ?? postedAverageCost(posted, location.id, item.sku),
        level: after.get(item.sku),
        businessDate,
        extra: { reason: line.reason, note: line.note ?? null },
      });
    }
    return stockCommandResult(location.id, businessDate, posted, updated);
  },
});
