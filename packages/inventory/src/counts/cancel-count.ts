import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import { calendarOf } from '../locations/location-calendar.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { loadItems } from '../shared/load-items.js';
import { loadLocation } from '../shared/load-location.js';
import type { StockCountRecord } from '../storage/inventory-records.js';
import { countRefShape } from './count-ref-input.js';
import { countStream, type StockCount, toStockCount } from './count-view.js';
import { loadOpenCount } from './load-count.js';

/** Input of {@link cancelCount}. */
export const cancelCountInput = z.strictObject({
  ...countRefShape,
  /** Why, for the record. */
  reason: z.string().trim().min(1).max(500).optional(),
});

/** Cancels an open count: no stock changes, and its SKUs can be counted again. Emits `inventory.count-cancelled`. */
export const cancelCount = defineCommand({
  name: 'inventory.cancel-count',
  permission: 'inventory.count',
  input: cancelCountInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<StockCount> => {
    const repository = ctx.tx.inventory;
    const count = await loadOpenCount(repository, input, 'cancel');
    const location = await loadLocation(repository, count.locationId);
    const now = ctx.now.toISOString();
    const record: StockCountRecord = {
      ...count,
      status: 'cancelled',
      updatedAt: now,
      version: count.version + 1,
    };
    await repository.updateCount(record, count.version);
    ctx.emit({
      type: 'inventory.count-cancelled',
      stream: countStream(record.id),
      storeId: record.locationId,
      payload: {
        countId: record.id,
        locationId: record.locationId,
        reason: input.reason ?? null,
        businessDate: calendarOf(location).businessDayOf(ctx.now),
      },
    });
    return toStockCount(
      record,
      await loadItems(
        repository,
        record.lines.map((line) => line.sku),
      ),
    );
  },
});
