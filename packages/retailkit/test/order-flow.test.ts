import { isRetailKitError, Money, type StorageAdapter } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { pgliteTarget, postgresTarget } from '../../storage-sql/test/support/sql-targets.js';
import { targetRuns } from '../../storage-sql/test/support/target-suite.js';
import type { RetailKit } from '../src/index.js';
import { cashier, clerk, kitFixture as fixture, manager, seedKit, stockOf } from './support/kit-fixture.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

// The SQL targets of the adapter's own suites: PGlite (one instance, a schema per kit) and
// PostgreSQL when RETAILKIT_PG_URL is set (skipped with a notice otherwise, failing under CI=true).
const targets = [
  { name: 'memory', create: async () => createMemoryStorage(), teardown: (s: StorageAdapter) => s.close() },
  ...[pgliteTarget, postgresTarget].filter(targetRuns),
];

describe.each(targets)('orders through the facade on $name', { timeout: 60_000 }, (target) => {
  const open: { kit: RetailKit; storage: StorageAdapter }[] = [];
  const kitFixture = async () => {
    const storage = await target.create();
    const made = fixture(storage as never);
    open.push({ kit: made.kit, storage });
    return made;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map(({ storage }) => target.teardown(storage as never)));
  });

  it('reserves on placing, sells on fulfilment, and hands a pickup over with its code', async () => {
    const { kit } = await kitFixture();
    await seedKit(kit);
    const placed = await kit.orders.createOrder(
      {
        storeId: 'berlin',
        channel: 'pickup',
        customerId: 'cust-1',
        lines: [
          { sku: 'TEA', quantity: 2 },
          { sku: 'MUG', quantity: 1 },
        ],
        place: true,
      },
      { actor: cashier },
    );
    expect(placed.status).toBe('placed');
    expect(placed.totals).toEqual({
      subtotal: '21.98',
      discount: '0.00',
      net: '21.98',
      tax: '2.98',
      total: '24.96',
    });
    expect(placed.pickupCode).toMatch(/^\d{6}$/);
    expect(await stockOf(kit, 'berlin', 'TEA')).toEqual({ onHand: '10', reserved: '2' });

    const ref = { storeId: 'berlin', orderId: placed.id };
    const paid = await kit.orders.recordPayment(
      { ...ref, key: 'pay-1', tender: 'cash', amount: '24.96', tendered: '30.00' },
      { actor: cashier },
    );
    expect(paid.status).toBe('paid');
    expect(paid.paymentStatus).toBe('paid');
    expect(paid.payments[0]?.changeDue).toBe('5.04');

    const fulfilled = await kit.orders.fulfilOrder(ref, { actor: clerk });
    expect(fulfilled.status).toBe('fulfilled');
    expect(await stockOf(kit, 'berlin', 'TEA')).toEqual({ onHand: '8', reserved: '0' });

    const wrong = await rejection(
      kit.orders.confirmPickup(
        { ...ref, code: placed.pickupCode === '000000' ? '000001' : '000000' },
        { actor: cashier },
      ),
    );
    expect(isRetailKitError(wrong, 'VALIDATION_FAILED')).toBe(true);
    const pickedUp = await kit.orders.confirmPickup(
      { ...ref, code: placed.pickupCode as string },
      { actor: cashier },
    );
    expect(pickedUp.status).toBe('picked-up');
    const done = await kit.orders.completeOrder(ref, { actor: cashier });
    expect(done.status).toBe('completed');

    const history = await kit.orders.getOrderHistory(ref, { actor: cashier });
    expect(history.map((entry) => [entry.event, entry.from, entry.to])).toEqual([
      ['create', 'draft', 'draft'],
      ['place', 'draft', 'placed'],
      ['capture', 'placed', 'paid'],
      ['fulfil', 'paid', 'fulfilled'],
      ['pick-up', 'fulfilled', 'picked-up'],
      ['complete', 'picked-up', 'completed'],
    ]);
    expect(history.every((entry) => entry.actorId.length > 0 && entry.at.endsWith('Z'))).toBe(true);
  });

  it('places nothing when any line is short, and names every shortage', async () => {
    const { kit } = await kitFixture();
    await seedKit(kit);
    const error = await rejection(
      kit.orders.createOrder(
        {
          storeId: 'berlin',
          channel: 'pickup',
          lines: [
            { sku: 'TEA', quantity: 11 },
            { sku: 'MUG', quantity: 6 },
          ],
          place: true,
        },
        { actor: cashier },
      ),
    );
    expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
    expect((await kit.orders.listOrders({ storeId: 'berlin' }, { actor: cashier })).items).toEqual([]);
    expect(await stockOf(kit, 'berlin', 'TEA')).toEqual({ onHand: '10', reserved: '0' });
  });

  it('releases the reservation when an order is cancelled', async () => {
    const { kit } = await kitFixture();
    await seedKit(kit);
    const order = await kit.orders.createOrder(
      { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'MUG', quantity: 3 }], place: true },
      { actor: cashier },
    );
    expect(await stockOf(kit, 'berlin', 'MUG')).toEqual({ onHand: '5', reserved: '3' });
    const cancelled = await kit.orders.cancelOrder(
      { storeId: 'berlin', orderId: order.id, reason: 'customer changed their mind' },
      { actor: manager },
    );
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.lines[0]?.cancelled).toBe('3');
    expect(await stockOf(kit, 'berlin', 'MUG')).toEqual({ onHand: '5', reserved: '0' });
    const again = await rejection(
      kit.orders.fulfilOrder({ storeId: 'berlin', orderId: order.id }, { actor: manager }),
    );
    expect(isRetailKitError(again)).toBe(true);
  });

  it('allocates a 0.04 discount over 3 × 0.99 exactly and refunds a returned line its share plus tax', async () => {
    const { kit } = await kitFixture();
    await seedKit(kit);
    const order = await kit.orders
      .sellInStore(
        {
          storeId: 'berlin',
          lines: [
            { sku: 'TIN', quantity: 1 },
            { sku: 'TIN', quantity: 1 },
            { sku: 'TIN', quantity: 1 },
          ],
          discounts: [{ kind: 'fixed', value: '0.04', reason: 'coupon' }],
          payments: [{ key: 'card-1', tender: 'card', amount: '3.49' }],
        },
        { actor: cashier },
      )
      .catch(async (error: unknown) => {
        // Print the total the tenders must match when the arithmetic changes.
        throw error;
      });
    expect(order.lines.map((line) => line.orderDiscount)).toEqual(['0.02', '0.01', '0.01']);
    expect(order.totals.discount).toBe('0.04');
    expect(order.status).toBe('completed');
    expect(await stockOf(kit, 'berlin', 'TIN')).toEqual({ onHand: '7', reserved: '0' });

    const line = order.lines[0];
    if (!line) throw new Error('no line');
    const returned = await kit.orders.returnOrder(
      {
        storeId: 'berlin',
        orderId: order.id,
        lines: [{ lineId: line.id, quantity: 1, condition: 'sellable' }],
      },
      { actor: manager },
    );
    const ret = returned.returns[0];
    expect(ret?.lines[0]).toMatchObject({ net: line.net, tax: line.tax });
    expect(ret?.amount).toBe(line.total);
    expect(await stockOf(kit, 'berlin', 'TIN')).toEqual({ onHand: '8', reserved: '0' });
    const refunded = await kit.orders.refundPayment(
      { storeId: 'berlin', orderId: order.id, key: 'refund-1', returnId: ret?.id },
      { actor: manager },
    );
    expect(refunded.payments[0]?.refunded).toBe(line.total);
    expect(refunded.refundable).toBe(
      Money.of(order.totals.total, 'EUR').subtract(Money.of(line.total, 'EUR')).amount,
    );
  });

  it('ships a delivery order from the warehouse and delivers it by tracking', async () => {
    const { kit } = await kitFixture();
    await seedKit(kit);
    const order = await kit.orders.createOrder(
      {
        storeId: 'berlin',
        locationId: 'central',
        channel: 'delivery',
        lines: [{ sku: 'MUG', quantity: 4 }],
        shippingAddress: ['Ada Lovelace', 'Hauptstr. 1', '10115 Berlin'],
        place: true,
      },
      { actor: manager },
    );
    expect(await stockOf(kit, 'central', 'MUG')).toEqual({ onHand: '20', reserved: '4' });
    const ref = { storeId: 'berlin', orderId: order.id };
    await kit.orders.authorizePayment(
      { ...ref, key: 'psp-1', tender: 'card', amount: order.totals.total },
      { actor: manager },
    );
    await kit.orders.capturePayment({ ...ref, key: 'psp-1', amount: '20.00' }, { actor: manager });
    const paid = await kit.orders.capturePayment({ ...ref, key: 'psp-1' }, { actor: manager });
    expect(paid.status).toBe('paid');
    await kit.orders.fulfilOrder({ ...ref, lines: [{ lineId: '1', quantity: 1 }] }, { actor: manager });
    const partly = await kit.orders.shipOrder(
      {
        ...ref,
        carrier: 'DHL',
        trackingNumber: '00340434161094015902',
        trackingUrl: 'https://example.com/t/1',
      },
      { actor: manager },
    );
    expect(partly.status).toBe('partially-fulfilled');
    await kit.orders.fulfilOrder(ref, { actor: manager });
    const shipped = await kit.orders.shipOrder(
      { ...ref, carrier: 'DHL', trackingNumber: '00340434161094015903' },
      { actor: manager },
    );
    expect(shipped.status).toBe('shipped');
    expect(await stockOf(kit, 'central', 'MUG')).toEqual({ onHand: '16', reserved: '0' });
    let view = shipped;
    for (const shipment of shipped.shipments) {
      view = await kit.orders.trackShipment(
        { ...ref, shipmentId: shipment.id, status: 'delivered' },
        { actor: manager },
      );
    }
    expect(view.status).toBe('delivered');
  });
});
