import type { CoreRepositories } from '@retailkit/core';
import type { OrderHistoryRecord, OrderRecord, OrderRepositories } from '@retailkit/orders';
import type { ConformanceCase, ConformanceContext } from '../conformance-case.js';
import type { OrdersConformanceId } from './orders-conformance-ids.js';

/** What an adapter must provide to run the orders conformance suite. */
export type OrdersStorageRepositories = CoreRepositories & OrderRepositories;

/** An orders conformance check. */
export type OrdersCase = ConformanceCase<OrdersConformanceId, OrdersStorageRepositories>;

/** The context of an orders conformance check. */
export type OrdersContext = ConformanceContext<OrdersStorageRepositories>;

/** Text that breaks naive SQL, JSON or Unicode handling (no NUL: PostgreSQL text cannot hold it). */
export const HOSTILE =
  'Crème brûlée 🍮 «x» \'; DROP TABLE orders; -- "q" \\ back\nline \u2028 عربي e\u0301 {"a":1} %_';

/**
 * An order with every nested list filled and amounts written with trailing zeros, so an adapter
 * that drops a field, reorders a list or normalises a decimal string fails the round trip.
 */
export function anOrderRecord(overrides: Partial<OrderRecord> = {}): OrderRecord {
  const createdAt = overrides.createdAt ?? '2025-03-01T12:00:00.000Z';
  return {
    id: 'order-1',
    storeId: 'store-a',
    locationId: 'store-a',
    channel: 'delivery',
    customerId: 'customer-1',
    currency: 'EUR',
    status: 'placed',
    taxMode: 'exclusive',
    taxRounding: 'per-line',
    lines: [
      {
        id: '1',
        sku: `TEA-${HOSTILE}`,
        name: HOSTILE,
        categoryId: 'お茶',
        quantity: '2.000',
        unitPrice: '0.10',
        catalogPrice: '0.20',
        overrideReason: HOSTILE,
        taxClassId: 'standard',
        taxRate: '19',
        discounts: [{ id: 'd-line', kind: 'percentage', value: '10.0', reason: HOSTILE }],
        gross: '0.20',
        lineDiscount: '0.02',
        orderDiscount: '0.00',
        net: '0.18',
        tax: '0.03',
        total: '0.21',
        fulfilled: '1.000',
        returned: '0.000',
        cancelled: '0',
      },
      {
        id: '2',
        sku: 'MUG',
        name: 'Mug',
        categoryId: null,
        quantity: '1',
        unitPrice: '12.50',
        catalogPrice: '12.50',
        overrideReason: null,
        taxClassId: 'reduced',
        taxRate: '7.5',
        discounts: [],
        gross: '12.50',
        lineDiscount: '0.00',
        orderDiscount: '1.00',
        net: '11.50',
        tax: '0.86',
        total: '12.36',
        fulfilled: '0',
        returned: '0',
        cancelled: '0',
      },
    ],
    discounts: [{ id: 'd-order', kind: 'fixed', value: '1.00', reason: null }],
    totals: { subtotal: '12.70', discount: '1.02', net: '11.68', tax: '0.89', total: '12.57' },
    payments: [
      {
        id: 'pay-1',
        key: `key-${HOSTILE}`,
        tender: 'cash',
        amount: '12.57',
        authorized: '12.57',
        captured: '12.57',
        refunded: '0.10',
        tendered: '20.00',
        changeDue: '7.43',
        reference: null,
        status: 'captured',
        refunds: [{ key: 'refund-1', amount: '0.10', returnId: 'return-1', at: '2025-03-02T08:00:00.000Z' }],
        createdAt,
        updatedAt: '2025-03-02T08:00:00.000Z',
      },
    ],
    fulfilments: [
      {
        id: 'ful-1',
        locationId: 'store-a',
        lines: [{ lineId: '1', quantity: '1.000' }],
        shipmentId: 'ship-1',
        createdAt: '2025-03-01T13:00:00.000Z',
      },
    ],
    shipments: [
      {
        id: 'ship-1',
        fulfilmentIds: ['ful-1'],
        carrier: HOSTILE,
        trackingNumber: '00340434',
        trackingUrl: null,
        status: 'in-transit',
        events: [
          { status: 'shipped', at: '2025-03-01T14:00:00.000Z', note: null },
          { status: 'in-transit', at: '2025-03-01T18:00:00.000Z', note: HOSTILE },
        ],
        createdAt: '2025-03-01T14:00:00.000Z',
      },
    ],
    returns: [
      {
        id: 'return-1',
        locationId: 'store-a',
        lines: [{ lineId: '1', quantity: '0.500', condition: 'damaged', net: '0.09', tax: '0.01' }],
        amount: '0.10',
        reason: HOSTILE,
        exchangeOrderId: null,
        exchangeKey: null,
        createdAt: '2025-03-02T08:00:00.000Z',
      },
    ],
    reservationIds: ['res-1', 'res-2'],
    pickupCode: null,
    shippingAddress: ['Hauptstraße 1', HOSTILE, '10115 Berlin'],
    exchangeForOrderId: null,
    note: HOSTILE,
    placedAt: '2025-03-01T12:00:01.000Z',
    createdAt,
    updatedAt: '2025-03-02T08:00:00.000Z',
    calendar: { timeZone: 'Europe/Berlin', dayStart: '04:00' },
    historyLength: 0,
    version: 1,
    ...overrides,
  };
}

/** A history entry of `orderId` (of store `store-a`, the store of {@link anOrderRecord}'s defaults). */
export function aHistoryEntry(
  orderId: string,
  sequence: number,
  overrides: Partial<OrderHistoryRecord> = {},
): OrderHistoryRecord {
  return {
    storeId: 'store-a',
    orderId,
    sequence,
    event: 'place',
    from: 'draft',
    to: 'placed',
    actorId: 'cashier-1',
    at: '2025-03-01T12:00:01.000Z',
    reason: null,
    details: { amount: '0.10', lines: [{ lineId: '1', quantity: '2.000' }], paid: false, note: null },
    ...overrides,
  };
}

/** Inserts orders, each in its own transaction. */
export async function insertOrders(context: OrdersContext, records: readonly OrderRecord[]): Promise<void> {
  for (const record of records) {
    await context.storage.transaction((tx) => tx.orders.insertOrder(record));
  }
}

/** The order `id` as stored, read in a transaction of its own. */
export async function storedOrder(context: OrdersContext, id: string): Promise<OrderRecord | undefined> {
  return context.storage.transaction((tx) => tx.orders.getOrder(id));
}
