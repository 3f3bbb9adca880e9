import { businessCalendarOf, type JsonValue } from '@retailkit/core';
import type { OrderRecord } from '../storage/order-records.js';

/** The stream of an order's events: one per order, so consumers read them in order. */
export function orderStream(orderId: string): string {
  return `order:${orderId}`;
}

/**
 * The facts every order event carries, so loyalty, analytics and integrations need not read the
 * order back: store and its business day at `at`, channel, customer, currency, state, totals, and
 * per line the SKU, category, quantities and amounts.
 */
export function orderFacts(order: OrderRecord, at: Date): { readonly [key: string]: JsonValue } {
  return {
    orderId: order.id,
    storeId: order.storeId,
    // The store-local business day of the fact: reports and loyalty count it on that day.
    businessDay: order.calendar === null ? null : businessCalendarOf(order.calendar).businessDayOf(at),
    locationId: order.locationId,
    channel: order.channel,
    customerId: order.customerId,
    currency: order.currency,
    status: order.status,
    taxMode: order.taxMode,
    totals: { ...order.totals },
    lines: order.lines.map((line) => ({
      lineId: line.id,
      sku: line.sku,
      categoryId: line.categoryId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      net: line.net,
      tax: line.tax,
      total: line.total,
      fulfilled: line.fulfilled,
      returned: line.returned,
      cancelled: line.cancelled,
    })),
  };
}
