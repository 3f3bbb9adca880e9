import { calendarOf } from '../locations/location-calendar.js';
import { itemOf } from '../shared/load-items.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { LocationRecord, StockItemRecord, TransferRecord } from '../storage/inventory-records.js';
import { transferInTransit } from './transfer-in-transit.js';

/** One line of a transfer event, with what a consumer needs to know about its item. */
export type TransferEventLine = {
  /** The SKU. */
  readonly sku: string;
  /** The item's category, for reports. */
  readonly categoryId: string | null;
  /** The item's unit code. */
  readonly unit: string;
  /** Asked for. */
  readonly requested: string;
  /** Left the source. */
  readonly shipped: string;
  /** Arrived sellable (includes over). */
  readonly received: string;
  /** Reported short. */
  readonly short: string;
  /** Arrived beyond what was shipped. */
  readonly over: string;
  /** Arrived damaged. */
  readonly damaged: string;
  /** Still on the way. */
  readonly inTransit: string;
  /** The cost per unit it shipped at (in `currency`); null before shipping or when unknown. */
  readonly unitCost: string | null;
};

/** The facts every transfer event carries. */
export type TransferEventPayload = {
  /** The transfer. */
  readonly transferId: string;
  /** Where it leaves from. */
  readonly fromLocationId: string;
  /** Where it goes. */
  readonly toLocationId: string;
  /** Its state after the change. */
  readonly status: TransferRecord['status'];
  /** The replenishment suggestion it came from, if any. */
  readonly suggestionId: string | null;
  /** When it shipped, if it did. */
  readonly shippedAt: string | null;
  /** The business date of the change at the location where it happened. */
  readonly businessDate: string;
  /** The currency of every cost in the event: the source location's. */
  readonly currency: string;
  /** Every line after the change. */
  readonly lines: readonly TransferEventLine[];
};

/**
 * The payload describing `record` after a change made at `now` at `location` (one of its ends);
 * `source` is its source location, whose currency its costs are in.
 */
export function transferPayload(
  record: TransferRecord,
  items: ReadonlyMap<string, StockItemRecord>,
  location: LocationRecord,
  now: Date,
  source: LocationRecord,
): TransferEventPayload {
  if (source.id !== record.fromLocationId) {
    throw new RangeError(`${source.id} is not the source of transfer ${record.id}`);
  }
  return {
    transferId: record.id,
    fromLocationId: record.fromLocationId,
    toLocationId: record.toLocationId,
    status: record.status,
    suggestionId: record.suggestionId,
    shippedAt: record.shippedAt,
    businessDate: calendarOf(location).businessDayOf(now),
    currency: source.currency,
    lines: record.lines.map((line) => {
      const item = itemOf(items, line.sku);
      const scale = item.scale;
      const show = (value: string) => formatUnits(toUnits(value, scale), scale);
      return {
        sku: line.sku,
        categoryId: item.categoryId,
        unit: item.unit,
        requested: show(line.requested),
        shipped: show(line.shipped),
        received: show(line.received),
        short: show(line.short),
        over: show(line.over),
        damaged: show(line.damaged),
        inTransit: formatUnits(transferInTransit(line, scale), scale),
        unitCost: line.unitCost,
      };
    }),
  };
}

/** The stream of one transfer's events. */
export function transferStream(id: string): string {
  return `transfer:${id}`;
}
