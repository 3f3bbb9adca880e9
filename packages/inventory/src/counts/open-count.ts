import { ConflictError, defineCommand } from '@retailkit/core';
import { z } from 'zod';
import { calendarOf } from '../locations/location-calendar.js';
import { InputIssues } from '../shared/input-issues.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema, skuSchema } from '../shared/inventory-schemas.js';
import { requireLocation } from '../shared/require-records.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type {
  StockCountLineRecord,
  StockCountRecord,
  StockItemRecord,
} from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';
import { countStream, type StockCount, toStockCount } from './count-view.js';

/** Most SKUs a count of listed SKUs may name. */
export const MAX_COUNT_SKUS = 5000;

const PAGE = 500;

/** Input of {@link openCount}. */
export const openCountInput = z.strictObject({
  /** The location to count. */
  locationId: locationIdSchema,
  /** Count only these SKUs; omit to count the whole location (every SKU with a level there). */
  skus: z.array(skuSchema).min(1).max(MAX_COUNT_SKUS).optional(),
  /** Hide expected quantities from counters while the count is open; default false. */
  blind: z.boolean().default(false),
});

/**
 * Opens a physical count of a location, whole or for listed SKUs, and snapshots each SKU's on hand
 * as its `expected` quantity. Sales and receipts go on while it is open: posting keeps the
 * movements made after opening on top of the counted quantities. A SKU can be in only one open
 * count at a time (a second count would apply the first one's correction twice), so overlapping an
 * open count is a ConflictError. Emits `inventory.count-opened`.
 */
export const openCount = defineCommand({
  name: 'inventory.open-count',
  permission: 'inventory.count',
  input: openCountInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<StockCount> => {
    const context = 'inventory.open-count input';
    const repository = ctx.tx.inventory;
    const location = await requireLocation(repository, input.locationId, 'locationId', context);
    const items = new Map<string, StockItemRecord>();
    const lines =
      input.skus === undefined
        ? await wholeLocationLines(repository, location.id, items)
        : await listedLines(repository, location.id, input.skus, items, context);
    await refuseOverlap(repository, location.id, input.skus);
    const now = ctx.now.toISOString();
    const record: StockCountRecord = {
      id: ctx.ids.next(),
      locationId: location.id,
      status: 'open',
      blind: input.blind,
      scope: input.skus === undefined ? 'all' : 'skus',
      lines,
      openedAt: now,
      postedAt: null,
      updatedAt: now,
      version: 1,
    };
    await repository.insertCount(record);
    ctx.emit({
      type: 'inventory.count-opened',
      stream: countStream(record.id),
      storeId: location.id,
      payload: {
        countId: record.id,
        locationId: location.id,
        scope: record.scope,
        blind: record.blind,
        lineCount: lines.length,
        openedAt: now,
        businessDate: calendarOf(location).businessDayOf(ctx.now),
      },
    });
    return toStockCount(record, items);
  },
});

/** A line per level at the location, read a page at a time, expected = on hand now. */
async function wholeLocationLines(
  repository: InventoryRepository,
  locationId: string,
  items: Map<string, StockItemRecord>,
): Promise<StockCountLineRecord[]> {
  const lines: StockCountLineRecord[] = [];
  let after: string | undefined;
  do {
    const page = await repository.listLevels(
      { locationId },
      { limit: PAGE, ...(after === undefined ? {} : { after }) },
    );
    for (const item of await repository.getItems(page.items.map((level) => level.sku)))
      items.set(item.sku, item);
    for (const level of page.items) {
      const item = items.get(level.sku);
      if (!item) continue;
      lines.push({
        sku: item.sku,
        expected: formatUnits(toUnits(level.onHand, item.scale), item.scale),
        counted: null,
        unitCost: null,
      });
    }
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return lines.sort((a, b) => compareText(a.sku, b.sku));
}

/** A line per listed SKU, expected = on hand now (zero without a level); unknown or repeated SKUs are refused. */
async function listedLines(
  repository: InventoryRepository,
  locationId: string,
  skus: readonly string[],
  items: Map<string, StockItemRecord>,
  context: string,
): Promise<StockCountLineRecord[]> {
  for (const item of await repository.getItems(skus)) items.set(item.sku, item);
  const issues = new InputIssues();
  const seen = new Set<string>();
  skus.forEach((sku, index) => {
    if (seen.has(sku)) issues.add(`skus.${index}`, `${sku} is listed twice`);
    else if (!items.has(sku)) issues.add(`skus.${index}`, `unknown SKU ${JSON.stringify(sku)}`);
    seen.add(sku);
  });
  issues.throwIfAny(context);
  const lines: StockCountLineRecord[] = [];
  for (const sku of seen) {
    const item = items.get(sku) as StockItemRecord;
    const level = await repository.getLevel({ locationId, sku });
    lines.push({
      sku,
      expected: formatUnits(toUnits(level?.onHand ?? '0', item.scale), item.scale),
      counted: null,
      unitCost: null,
    });
  }
  return lines.sort((a, b) => compareText(a.sku, b.sku));
}

/** Throws a ConflictError when an open count at the location already covers one of the SKUs. */
async function refuseOverlap(
  repository: InventoryRepository,
  locationId: string,
  skus: readonly string[] | undefined,
): Promise<void> {
  const wanted = skus === undefined ? undefined : new Set(skus);
  let after: string | undefined;
  do {
    const page = await repository.listCounts(
      { locationId, status: 'open' },
      { limit: PAGE, ...(after === undefined ? {} : { after }) },
    );
    for (const open of page.items) {
      const shared =
        wanted === undefined || open.scope === 'all'
          ? null
          : open.lines.map((line) => line.sku).filter((sku) => wanted.has(sku));
      if (shared !== null && shared.length === 0) continue;
      const what = shared === null ? 'the same stock' : `${shared.join(', ')}`;
      throw new ConflictError(
        `Count ${JSON.stringify(open.id)} at ${locationId} is open and covers ${what}`,
        {
          retryable: false,
          details: { countId: open.id, locationId, skus: shared },
        },
      );
    }
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
