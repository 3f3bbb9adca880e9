import type {
  FulfilmentRecord,
  OrderChannel,
  OrderLineRecord,
  OrderRecord,
  PaymentRecord,
  ShipmentRecord,
} from '../../src/storage/order-records.js';

/** A line of `quantity` at 10.00 each, nothing fulfilled, for process tests. */
export function testLine(id: string, overrides: Partial<OrderLineRecord> = {}): OrderLineRecord {
  return {
    id,
    sku: `SKU-${id}`,
    name: `Item ${id}`,
    categoryId: null,
    quantity: '1',
    unitPrice: '10.00',
    catalogPrice: '10.00',
    overrideReason: null,
    taxClassId: 'standard',
    taxRate: '0',
    discounts: [],
    gross: '10.00',
    lineDiscount: '0.00',
    orderDiscount: '0.00',
    net: '10.00',
    tax: '0.00',
    total: '10.00',
    fulfilled: '0',
    returned: '0',
    cancelled: '0',
    ...overrides,
  };
}

/** A payment of `captured` (authorised as much), nothing refunded. */
export function testPayment(id: string, overrides: Partial<PaymentRecord> = {}): PaymentRecord {
  return {
    id,
    key: `key-${id}`,
    tender: 'card',
    amount: '0.00',
    authorized: '0.00',
    captured: '0.00',
    refunded: '0.00',
    tendered: null,
    changeDue: null,
    reference: null,
    status: 'captured',
    refunds: [],
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A fulfilment of the given line quantities. */
export function testFulfilment(
  id: string,
  shipmentId: string | null,
  lines: Record<string, string>,
): FulfilmentRecord {
  return {
    id,
    locationId: 'store-1',
    lines: Object.entries(lines).map(([lineId, quantity]) => ({ lineId, quantity })),
    shipmentId,
    createdAt: '2026-01-01T10:00:00.000Z',
  };
}

/** A shipment in `status` carrying the given fulfilments. */
export function testShipment(
  id: string,
  status: ShipmentRecord['status'],
  fulfilmentIds: string[],
): ShipmentRecord {
  return {
    id,
    fulfilmentIds,
    carrier: 'DHL',
    trackingNumber: `T-${id}`,
    trackingUrl: null,
    status,
    events: [],
    createdAt: '2026-01-01T10:00:00.000Z',
  };
}

/** An order in `status` on `channel`, one line of 10.00 EUR unless overridden; totals follow `total`. */
export function testOrder(
  overrides: Partial<OrderRecord> & { readonly total?: string; readonly channel?: OrderChannel } = {},
): OrderRecord {
  const { total = '10.00', ...rest } = overrides;
  return {
    id: 'order-1',
    storeId: 'store-1',
    locationId: 'store-1',
    channel: 'in-store',
    customerId: null,
    currency: 'EUR',
    status: 'draft',
    taxMode: 'exclusive',
    taxRounding: 'per-line',
    lines: [testLine('1')],
    discounts: [],
    totals: { subtotal: total, discount: '0.00', net: total, tax: '0.00', total },
    payments: [],
    fulfilments: [],
    shipments: [],
    returns: [],
    reservationIds: [],
    pickupCode: null,
    shippingAddress: null,
    exchangeForOrderId: null,
    note: null,
    placedAt: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    calendar: null,
    historyLength: 0,
    version: 1,
    ...rest,
  };
}
