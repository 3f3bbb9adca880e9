import { addBusinessDays, type BusinessDate } from '@retailkit/core';
import { calendarOf } from '../locations/location-calendar.js';
import { formatUnits, maxUnits, toUnits } from '../stock/stock-units.js';
import type { LocationRecord, StockItemRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/** A window of complete business days at a location, ending yesterday (today is not over yet). */
export type SalesWindow = {
  /** First business day of the window. */
  readonly firstDate: BusinessDate;
  /** Last business day of the window (yesterday). */
  readonly lastDate: BusinessDate;
  /** Number of business days in it. */
  readonly days: number;
  /** The instant the first day starts (ISO). */
  readonly from: string;
  /** The instant today starts, the end of the window (ISO, exclusive). */
  readonly to: string;
};

/** Units of one SKU sold over a window. */
export type DailySales = {
  /** Units sold in the window, at the item's scale. */
  readonly sold: bigint;
  /** Days in the window. */
  readonly days: number;
};

/** The last `days` complete business days before `now` in the location's calendar. */
export function salesWindow(
  location: Pick<LocationRecord, 'timeZone' | 'dayStart'>,
  now: Date,
  days: number,
): SalesWindow {
  const calendar = calendarOf(location);
  const today = calendar.businessDayOf(now);
  const firstDate = addBusinessDays(today, -days);
  const range = calendar.periodRange(firstDate, today);
  return {
    firstDate,
    lastDate: addBusinessDays(today, -1),
    days,
    from: range.start.toISOString(),
    to: range.end.toISOString(),
  };
}

/**
 * Units of `item` sold at `locationId` in `window`. Demand is gross sales: minus the sum of `sale`
 * movements. Returns are not netted off, because the sale they refund was real demand on its day;
 * a window whose sale movements sum above zero counts as no sales.
 */
export async function dailySales(
  repository: InventoryRepository,
  locationId: string,
  item: Pick<StockItemRecord, 'sku' | 'scale'>,
  window: SalesWindow,
): Promise<DailySales> {
  const totals = await repository.movementTotals({
    locationId,
    sku: item.sku,
    reasons: ['sale'],
    from: window.from,
    to: window.to,
  });
  const sum = totals.reduce((total, row) => total + toUnits(row.quantity, item.scale), 0n);
  return { sold: maxUnits(-sum, 0n), days: window.days };
}

/** Extra decimals an average carries beyond the item's scale (1 each in 7 days → `0.143`). */
const AVERAGE_EXTRA_DECIMALS = 3;

/** The average units sold per day as a decimal string, rounded half-up to the item's scale + 3 decimals. */
export function formatDailyAverage(sales: DailySales, scale: number): string {
  const scaled = sales.sold * 10n ** BigInt(AVERAGE_EXTRA_DECIMALS);
  const days = BigInt(sales.days);
  // Sales are never negative here, so adding half the divisor rounds half-up.
  return formatUnits((scaled * 2n + days) / (2n * days), scale + AVERAGE_EXTRA_DECIMALS);
}

/** `numerator ÷ denominator` rounded up (towards +∞); the denominator must be positive. */
export function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return numerator % denominator > 0n ? quotient + 1n : quotient;
}
