import { calendarOf } from '../locations/location-calendar.js';
import { itemOf } from '../shared/load-items.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { LocationRecord, PurchaseOrderRecord, StockItemRecord } from '../storage/inventory-records.js';
import { poOutstanding } from './purchase-order-outstanding.js';

/** One line of a purchase order event, with what a consumer needs to know about its item. */
export type PurchaseOrderEventLine = {
  /** The SKU. */
  readonly sku: string;
  /** The item's category, for reports. */
  readonly categoryId: string | null;
  /** The item's unit code. */
  readonly unit: string;
  /** Ordered quantity. */
  readonly ordered: string;
  /** Received so far. */
  readonly received: string;
  /** Still expected: ordered − received, never below zero. */
  readonly outstanding: string;
  /** Agreed unit cost in the order's currency. */
  readonly unitCost: string;
};

/** The facts every purchase order event carries. */
export type PurchaseOrderEventPayload = {
  /** The purchase order. */
  readonly purchaseOrderId: string;
  /** The supplier. */
  readonly supplierId: string;
  /** Where it is delivered. */
  readonly locationId: string;
  /** Its state after the change. */
  readonly status: PurchaseOrderRecord['status'];
  /** The currency of its unit costs. */
  readonly currency: string;
  /** Expected delivery date, if known. */
  readonly expectedOn: string | null;
  /** The replenishment suggestion it came from, if any. */
  readonly suggestionId: string | null;
  /** The location's business date of the change. */
  readonly businessDate: string;
  /** Every line after the change. */
  readonly lines: readonly PurchaseOrderEventLine[];
};

/** The payload describing `record` after a change made at `now`. */
export function purchaseOrderPayload(
  record: PurchaseOrderRecord,
  items: ReadonlyMap<string, StockItemRecord>,
  location: LocationRecord,
  now: Date,
): PurchaseOrderEventPayload {
  return {
    purchaseOrderId: record.id,
    supplierId: record.supplierId,
    locationId: record.locationId,
    status: record.status,
    currency: record.currency,
    expectedOn: record.expectedOn,
    suggestionId: record.suggestionId,
    businessDate: calendarOf(location).businessDayOf(now),
    lines: record.lines.map((line) => {
      const item = itemOf(items, line.sku);
      const scale = item.scale;
      return {
        sku: line.sku,
        categoryId: item.categoryId,
        unit: item.unit,
        ordered: formatUnits(toUnits(line.ordered, scale), scale),
        received: formatUnits(toUnits(line.received, scale), scale),
        outstanding: formatUnits(poOutstanding(line, scale), scale),
        unitCost: line.unitCost,
      };
    }),
  };
}

/** The stream of one purchase order's events. */
export function purchaseOrderStream(id: string): string {
  return `purchase-order:${id}`;
}
