import {
  type Actor,
  type BusinessDate,
  type CommandRunner,
  parseInput,
  ValidationError,
} from '@retailkit/core';
import { z } from 'zod';
import { dailySales, formatDailyAverage, salesWindow } from '../replenishment/daily-sales.js';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema, pageRequestSchema, skuSchema } from '../shared/inventory-schemas.js';
import { itemsBySku } from '../shared/items-by-sku.js';
import { formatUnits, maxUnits, toUnits } from '../stock/stock-units.js';

/** Input of {@link daysOfCoverReport}. */
export const daysOfCoverReportInput = z.strictObject({
  ...pageRequestSchema.shape,
  /** The location. */
  locationId: locationIdSchema,
  /** Only this SKU. */
  sku: skuSchema.optional(),
  /** How many complete business days of sales to average (1..365); default 28. */
  windowDays: z.int().min(1).max(365).default(28),
});

/** How long one SKU's available stock lasts at recent sales. */
export type DaysOfCoverRow = {
  /** The SKU. */
  readonly sku: string;
  /** The item's category, if any. */
  readonly categoryId: string | null;
  /** The item's unit code. */
  readonly unit: string;
  /** On hand − reserved now. */
  readonly available: string;
  /** Units sold in the window (gross: returns are not netted off). */
  readonly sold: string;
  /** sold ÷ window days, rounded half-up to the item's scale + 3 decimals. */
  readonly averageDailySales: string;
  /**
   * available ÷ average daily sales, in days with one decimal, rounded down (so the stock lasts at
   * least that long); `"0.0"` when nothing is available; null when nothing sold in the window.
   */
  readonly daysOfCover: string | null;
};

/** Days of cover at one location: a page of SKUs and the sales window used. */
export type DaysOfCoverReport = {
  /** The location. */
  readonly locationId: string;
  /** The sales window: the complete business days before today. */
  readonly window: {
    /** First business day. */
    readonly firstDate: BusinessDate;
    /** Last business day (yesterday). */
    readonly lastDate: BusinessDate;
    /** Number of days. */
    readonly days: number;
  };
  /** One row per stock level, ordered by SKU. */
  readonly items: readonly DaysOfCoverRow[];
  /** Pass as `after` for the next page; null on the last. */
  readonly nextCursor: string | null;
};

/**
 * Days of cover per SKU at a location: available stock ÷ average daily sales over the last
 * `windowDays` complete business days (the location's calendar), a page of stock levels at a time.
 * Needs `inventory.read` in the location.
 */
export async function daysOfCoverReport(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof daysOfCoverReportInput>,
  options: { readonly actor: Actor },
): Promise<DaysOfCoverReport> {
  const context = 'inventory.days-of-cover-report input';
  const { limit, after, locationId, sku, windowDays } = parseInput(daysOfCoverReportInput, input, context);
  return runner.query(inventoryRead(options.actor, locationId), async (tx) => {
    const repository = tx.inventory;
    const location = await repository.getLocation(locationId);
    if (!location) {
      throw new ValidationError(
        [{ path: 'locationId', message: `unknown location ${JSON.stringify(locationId)}` }],
        {
          context,
        },
      );
    }
    const window = salesWindow(location, runner.clock.now(), windowDays);
    const page = await repository.listLevels({ locationId, sku }, { limit, after });
    const items = await itemsBySku(
      repository,
      page.items.map((level) => level.sku),
    );
    const rows: DaysOfCoverRow[] = [];
    for (const level of page.items) {
      const item = items.get(level.sku);
      if (!item) continue;
      const scale = item.scale;
      const sales = await dailySales(repository, locationId, item, window);
      const available = toUnits(level.onHand, scale) - toUnits(level.reserved, scale);
      rows.push({
        sku: item.sku,
        categoryId: item.categoryId,
        unit: item.unit,
        available: formatUnits(available, scale),
        sold: formatUnits(sales.sold, scale),
        averageDailySales: formatDailyAverage(sales, scale),
        daysOfCover:
          sales.sold === 0n ? null : formatDays(maxUnits(available, 0n) * BigInt(sales.days), sales.sold),
      });
    }
    return {
      locationId,
      window: { firstDate: window.firstDate, lastDate: window.lastDate, days: window.days },
      items: rows,
      nextCursor: page.nextCursor,
    };
  });
}

/** numerator ÷ denominator as days with one decimal, rounded down. */
function formatDays(numerator: bigint, denominator: bigint): string {
  return formatUnits((numerator * 10n) / denominator, 1);
}
