import { defineCommand } from '@retailkit/core';
import { calendarOf } from '../locations/location-calendar.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { evaluateReorderAlert } from '../stock/evaluate-reorder-alert.js';
import { emptyLevel } from '../stock/stock-level-view.js';
import { auditStock, type StockAudit, type StockDrift } from './audit-stock.js';
import { stockAuditInput } from './stock-audit-input.js';

/** Input of {@link rebuildStock}. */
export const rebuildStockInput = stockAuditInput;

/**
 * Recomputes stock levels like `verifyStock` and overwrites every drifted balance with the
 * expected one (permission `inventory.rebuild`, in `locationId` when given, else chain-wide).
 * Settings (safety stock, backorder policy, average cost) are kept. Returns the drifts it fixed,
 * and emits one `inventory.stock-rebuilt` per location that had any; low-stock alerts are
 * re-evaluated for the fixed levels.
 */
export const rebuildStock = defineCommand({
  name: 'inventory.rebuild-stock',
  permission: 'inventory.rebuild',
  input: rebuildStockInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<StockAudit> => {
    const repository = ctx.tx.inventory;
    const now = ctx.now.toISOString();
    const context = 'inventory.rebuild-stock input';
    const audit = await auditStock(repository, input, context);
    const drifts: StockDrift[] = [];
    for (const found of audit.corrections) {
      // The audit read without locks: on SQL a command may have changed this level (and its ledger
      // or documents) since. Lock the level, then recompute it, so what commits meanwhile is neither
      // overwritten nor counted twice; commands that change it wait for this one.
      const key = { locationId: found.location.id, sku: found.sku };
      await repository.updateLevelSettings(key, { now });
      const fresh = await auditStock(repository, key, context);
      drifts.push(...fresh.drifts);
      for (const correction of fresh.corrections) {
        const { location, sku } = correction;
        const level = {
          ...(correction.stored ?? emptyLevel(location.id, sku, now)),
          ...correction.expected,
          updatedAt: now,
        };
        await repository.putLevel(level);
        if (correction.item) await evaluateReorderAlert(ctx, { location, item: correction.item, level });
      }
    }
    const { checked, corrections } = audit;

    const byLocation = new Map<string, StockDrift[]>();
    for (const drift of drifts) {
      const list = byLocation.get(drift.locationId) ?? [];
      list.push(drift);
      byLocation.set(drift.locationId, list);
    }
    for (const [locationId, fixed] of byLocation) {
      const location = corrections.find((correction) => correction.location.id === locationId)?.location;
      ctx.emit({
        type: 'inventory.stock-rebuilt',
        stream: `location:${locationId}`,
        storeId: locationId,
        payload: {
          locationId,
          businessDate: location ? calendarOf(location).businessDayOf(ctx.now) : null,
          drifts: fixed.map((drift) => ({ ...drift })),
        },
      });
    }
    return { checked, drifts };
  },
});
