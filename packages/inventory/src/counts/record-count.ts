import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import { calendarOf } from '../locations/location-calendar.js';
import { InputIssues } from '../shared/input-issues.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { nonNegativeQuantityValueSchema, skuSchema } from '../shared/inventory-schemas.js';
import { loadItems } from '../shared/load-items.js';
import { loadLocation } from '../shared/load-location.js';
import { refuseDuplicateSkus } from '../shared/refuse-duplicate-skus.js';
import { resolveLines } from '../shared/require-records.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type {
  StockCountLineRecord,
  StockCountRecord,
  StockItemRecord,
} from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';
import { countRefShape } from './count-ref-input.js';
import { countStream, type StockCount, toStockCount } from './count-view.js';
import { loadOpenCount } from './load-count.js';

/** Input of {@link recordCount}. */
export const recordCountInput = z.strictObject({
  ...countRefShape,
  /**
   * `set` (default): each line replaces what was counted for its SKU (one line per SKU). `add`:
   * each line adds to it, as a scanner that sends every scan does (lines of one SKU add up).
   */
  mode: z.literal(['set', 'add']).default('set'),
  /** What was counted. */
  lines: z
    .array(
      z.strictObject({
        /** The SKU. */
        sku: skuSchema,
        /** The quantity counted (zero or more, within the item's decimals). */
        quantity: nonNegativeQuantityValueSchema,
      }),
    )
    .min(1)
    .max(1000),
});

/**
 * Records counted quantities on an open count. A count of listed SKUs refuses others; a whole-location
 * count accepts any registered SKU, and one that had no line yet (first seen at the location after
 * the count opened) gets as expected what was on hand when the count opened: today's on hand minus
 * the movements since. Emits `inventory.count-recorded`.
 */
export const recordCount = defineCommand({
  name: 'inventory.record-count',
  permission: 'inventory.count',
  input: recordCountInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<StockCount> => {
    const context = 'inventory.record-count input';
    const repository = ctx.tx.inventory;
    const count = await loadOpenCount(repository, input, 'record');
    if (input.mode === 'set') refuseDuplicateSkus(input.lines, 'lines', context);
    const resolved = await resolveLines(repository, input.lines, 'lines', context);
    const lines = new Map(count.lines.map((line) => [line.sku, line]));
    const issues = new InputIssues();
    for (const { index, item } of resolved) {
      if (count.scope === 'skus' && !lines.has(item.sku)) {
        issues.add(`lines.${index}.sku`, `${item.sku} is not in this count`);
      }
    }
    issues.throwIfAny(context);

    const recorded = new Map<string, { readonly item: StockItemRecord; readonly quantity: bigint }>();
    for (const { item, units } of resolved) {
      let line = lines.get(item.sku);
      if (!line) {
        line = {
          sku: item.sku,
          expected: await expectedAtOpening(repository, count, item, ctx.now.toISOString()),
          counted: null,
          unitCost: null,
        };
      }
      const before = line.counted === null ? 0n : toUnits(line.counted, item.scale);
      const counted = input.mode === 'add' ? before + units : units;
      lines.set(item.sku, { ...line, counted: formatUnits(counted, item.scale) });
      recorded.set(item.sku, { item, quantity: (recorded.get(item.sku)?.quantity ?? 0n) + units });
    }
    const record: StockCountRecord = {
      ...count,
      lines: [...lines.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)),
      updatedAt: ctx.now.toISOString(),
      version: count.version + 1,
    };
    await repository.updateCount(record, count.version);
    const location = await loadLocation(repository, count.locationId);
    ctx.emit({
      type: 'inventory.count-recorded',
      stream: countStream(record.id),
      storeId: record.locationId,
      payload: {
        countId: record.id,
        locationId: record.locationId,
        mode: input.mode,
        lines: [...recorded.values()].map(({ item, quantity }) => ({
          sku: item.sku,
          unit: item.unit,
          quantity: formatUnits(quantity, item.scale),
          counted: (lines.get(item.sku) as StockCountLineRecord).counted,
        })),
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

/**
 * What was on hand of `item` when `count` opened: on hand now minus every movement since. Right
 * even when stock moved between opening and this first scan. The level is locked first (on SQL
 * a sale committing between the two reads would otherwise be subtracted without being in on hand).
 */
async function expectedAtOpening(
  repository: InventoryRepository,
  count: StockCountRecord,
  item: StockItemRecord,
  now: string,
): Promise<string> {
  const key = { locationId: count.locationId, sku: item.sku };
  const level = await repository.updateLevelSettings(key, { now });
  const since = await repository.movementTotals({ ...key, from: count.openedAt });
  const moved = since.reduce((total, row) => total + toUnits(row.quantity, item.scale), 0n);
  return formatUnits(toUnits(level.onHand, item.scale) - moved, item.scale);
}
