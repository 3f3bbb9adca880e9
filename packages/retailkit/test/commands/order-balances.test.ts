import { createRbacPolicy, DEFAULT_ROLES, FakeClock, isRetailKitError } from '@retailkit/core';
import { defaultOrderProcess, extendOrderProcess } from '@retailkit/orders';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { createRetailKit, type RetailKit } from '../../src/index.js';
import { cashier, kitFixture, manager, seedKit, stockOf } from '../support/kit-fixture.js';

/** A till sale of `lines` through `sellInStore`, paid exactly by card. */
async function tillSale(kit: RetailKit, lines: { sku: string; quantity: number }[], total: string) {
  return kit.orders.sellInStore(
    { storeId: 'berlin', lines, payments: [{ key: 'card', tender: 'card', amount: total }] },
    { actor: cashier },
  );
}

describe('what is owed, and who may sell where', () => {
  it('owes nothing on a cancelled order, and owes back what was paid for it until refunded', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const unpaid = await kit.orders.createOrder(
      { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'TEA', quantity: 1 }], place: true },
      { actor: cashier },
    );
    const cancelledUnpaid = await kit.orders.cancelOrder(
      { storeId: 'berlin', orderId: unpaid.id, reason: 'no show' },
      { actor: manager },
    );
    expect([cancelledUnpaid.balanceDue, cancelledUnpaid.refundDue]).toEqual(['0.00', '0.00']);

    const paid = await kit.orders.createOrder(
      { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'TEA', quantity: 1 }], place: true },
      { actor: cashier },
    );
    const ref = { storeId: 'berlin', orderId: paid.id };
    await kit.orders.recordPayment(
      { ...ref, key: 'card', tender: 'card', amount: paid.totals.total },
      { actor: cashier },
    );
    const cancelled = await kit.orders.cancelOrder({ ...ref, reason: 'out of stock' }, { actor: manager });
    expect([cancelled.balanceDue, cancelled.refundDue]).toEqual(['0.00', paid.totals.total]);
    const refunded = await kit.orders.refundPayment(
      { ...ref, key: 'refund', amount: paid.totals.total },
      { actor: manager },
    );
    expect([refunded.balanceDue, refunded.refundDue, refunded.paymentStatus]).toEqual([
      '0.00',
      '0.00',
      'refunded',
    ]);
  });

  it('treats a refund that settles no return as a concession: nothing becomes owed', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const sale = await tillSale(kit, [{ sku: 'TEA', quantity: 1 }], '5.34');
    const goodwill = await kit.orders.refundPayment(
      { storeId: 'berlin', orderId: sale.id, key: 'sorry', amount: '1.00', reason: 'dented tin' },
      { actor: manager },
    );
    expect([goodwill.balanceDue, goodwill.refundDue, goodwill.refundable]).toEqual(['0.00', '0.00', '4.34']);
    expect(goodwill.status).toBe('completed');
  });

  it('authorises a sale at the location its stock comes from, not only at the selling store', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const elsewhere = await rejection(
      kit.orders.createOrder(
        { storeId: 'berlin', locationId: 'hamburg', channel: 'pickup', lines: [{ sku: 'MUG', quantity: 1 }] },
        { actor: cashier },
      ),
    );
    expect(isRetailKitError(elsewhere, 'FORBIDDEN')).toBe(true);
    const fromWarehouse = await rejection(
      kit.orders.sellInStore(
        {
          storeId: 'berlin',
          locationId: 'central',
          lines: [{ sku: 'MUG', quantity: 1 }],
          payments: [{ key: 'card', tender: 'card', amount: '14.28' }],
        },
        { actor: cashier },
      ),
    );
    expect(isRetailKitError(fromWarehouse, 'FORBIDDEN')).toBe(true);
    expect(await stockOf(kit, 'central', 'MUG')).toEqual({ onHand: '20', reserved: '0' });
  });

  it('lets only an actor who may also take money and hand goods over ring up a till sale', async () => {
    const policy = createRbacPolicy({
      roles: { ...DEFAULT_ROLES, 'order-taker': { permissions: ['orders.create', 'orders.read'] } },
    });
    const storage = createMemoryStorage();
    const kit = createRetailKit({ storage, policy, clock: new FakeClock('2026-03-02T10:00:00Z') });
    await seedKit(kit);
    const taker = { id: 'otto', roles: ['order-taker'], storeIds: ['berlin'] };
    const sale = {
      storeId: 'berlin',
      lines: [{ sku: 'TEA', quantity: 1 }],
      payments: [{ key: 'card', tender: 'card' as const, amount: '5.34' }],
    };
    const refused = await rejection(kit.orders.sellInStore(sale, { actor: taker }));
    expect(isRetailKitError(refused, 'FORBIDDEN')).toBe(true);
    expect(await stockOf(kit, 'berlin', 'TEA')).toEqual({ onHand: '10', reserved: '0' });
    expect((await kit.orders.sellInStore(sale, { actor: cashier })).status).toBe('completed');
  });

  it('holds the stock once when a custom process places an order again after a hold', async () => {
    const withHold = extendOrderProcess(defaultOrderProcess, {
      states: {
        placed: { on: { hold: 'on-hold' } },
        'on-hold': { on: { place: 'placed', cancel: 'cancelled' } },
      },
    });
    const { kit } = kitFixture(undefined, { process: withHold });
    await seedKit(kit);
    const order = await kit.orders.createOrder(
      { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'TEA', quantity: 4 }], place: true },
      { actor: cashier },
    );
    const ref = { storeId: 'berlin', orderId: order.id };
    await kit.orders.transitionOrder({ ...ref, event: 'hold', reason: 'address check' }, { actor: manager });
    const again = await kit.orders.placeOrder(ref, { actor: cashier });
    expect(again.status).toBe('placed');
    expect(again.reservationIds).toHaveLength(1);
    expect(await stockOf(kit, 'berlin', 'TEA')).toEqual({ onHand: '10', reserved: '4' });
  });
});

describe('quantities in the SKU’s unit', () => {
  it('refuses half a piece already in a draft, naming the line, and stores nothing', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const error = await rejection(
      kit.orders.createOrder(
        { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'TEA', quantity: '1.5' }] },
        { actor: cashier },
      ),
    );
    expect(validationPaths(error)).toEqual(['lines.0.quantity']);
    expect((await kit.orders.listOrders({ storeId: 'berlin' }, { actor: cashier })).items).toEqual([]);
    const whole = await kit.orders.createOrder(
      { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'TEA', quantity: '2.000' }] },
      { actor: cashier },
    );
    expect(whole.lines[0]?.quantity).toBe('2.000');
  });
});

describe('exchanges at the edges', () => {
  it('marks a payment refunded when an exchange moves all of it to the new order', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const sale = await tillSale(kit, [{ sku: 'MUG', quantity: 1 }], '14.28');
    const swap = await kit.orders.exchangeOrder(
      {
        storeId: 'berlin',
        orderId: sale.id,
        key: 'swap-1',
        returnLines: [{ lineId: '1', quantity: 1, condition: 'damaged' }],
        lines: [{ sku: 'MUG', quantity: 1 }],
      },
      { actor: manager },
    );
    expect(swap.original.payments[0]).toMatchObject({ refunded: '14.28', status: 'refunded' });
    expect(swap.exchange.status).toBe('completed');
    expect([swap.balanceDue, swap.refundDue]).toEqual(['0.00', '0.00']);
  });

  it('hands over a free replacement, and replays an exchange worth nothing by its key', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    // Two tins given away with a tea.
    const free = await kit.orders.sellInStore(
      {
        storeId: 'berlin',
        lines: [
          { sku: 'TEA', quantity: 1 },
          { sku: 'TIN', quantity: 2, discounts: [{ kind: 'percentage', value: '100' }] },
        ],
        payments: [{ key: 'card', tender: 'card', amount: '5.34' }],
      },
      { actor: cashier },
    );
    const tinLine = free.lines.find((line) => line.sku === 'TIN');
    expect(tinLine?.total).toBe('0.00');
    const input = {
      storeId: 'berlin',
      orderId: free.id,
      key: 'swap-free',
      returnLines: [{ lineId: tinLine?.id ?? '', quantity: 1, condition: 'damaged' as const }],
      lines: [{ sku: 'TIN', quantity: 1, discounts: [{ kind: 'percentage' as const, value: '100' }] }],
    };
    const first = await kit.orders.exchangeOrder(input, { actor: manager });
    expect(first.exchange.status).toBe('completed');
    const again = await kit.orders.exchangeOrder(input, { actor: manager });
    expect(again.exchange.id).toBe(first.exchange.id);
    const original = await kit.orders.getOrder({ storeId: 'berlin', orderId: free.id }, { actor: manager });
    expect(original.returns).toHaveLength(1);
    expect(original.lines.find((line) => line.sku === 'TIN')?.returned).toBe('1');
  });
});
