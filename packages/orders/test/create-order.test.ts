import { isRetailKitError, Money } from '@retailkit/core';
import { rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import type { Orders } from '../src/create-orders.js';
import type { OrderView } from '../src/queries/order-view.js';
import { cashier, manager, ordersFixture } from './support/orders-fixture.js';

const eur = (amount: string) => Money.of(amount, 'EUR');

type CreateOrderRequest = Parameters<Orders['createOrder']>[0];

/**
 * Line gross − discounts is the net (tax exclusive) or the total (tax inclusive), net + tax =
 * total, and the totals are the lines' sums.
 */
function expectReconciled(order: OrderView): void {
  for (const line of order.lines) {
    const discounted = eur(line.gross).subtract(eur(line.lineDiscount)).subtract(eur(line.orderDiscount));
    expect(discounted.amount).toBe(order.taxMode === 'exclusive' ? line.net : line.total);
    expect(eur(line.net).add(eur(line.tax)).amount).toBe(line.total);
  }
  const sum = (pick: (line: OrderView['lines'][number]) => string[]) =>
    Money.sum(
      order.lines.flatMap((line) => pick(line).map(eur)),
      'EUR',
    ).amount;
  expect(order.totals).toEqual({
    subtotal: sum((line) => [line.gross]),
    discount: sum((line) => [line.lineDiscount, line.orderDiscount]),
    net: sum((line) => [line.net]),
    tax: sum((line) => [line.tax]),
    total: sum((line) => [line.total]),
  });
}

describe('createOrder on the orders module alone', () => {
  it('places, takes payment and fulfils without moving any stock', async () => {
    const { orders, events } = ordersFixture();
    const placed = await orders.createOrder(
      { storeId: 'berlin', channel: 'in-store', lines: [{ sku: 'MUG', quantity: 2 }], place: true },
      { actor: cashier },
    );
    expect(placed.status).toBe('placed');
    expect(placed.reservationIds).toEqual([]);
    const ref = { storeId: 'berlin', orderId: placed.id };
    await orders.recordPayment(
      { ...ref, key: 'cash-1', tender: 'cash', amount: placed.totals.total },
      { actor: cashier },
    );
    const fulfilled = await orders.fulfilOrder(ref, { actor: manager });
    expect(fulfilled.status).toBe('fulfilled');
    expect(fulfilled.lines[0]?.fulfilled).toBe('2');
    const types = (await events()).map((event) => event.type);
    expect(types).toEqual(['orders.created', 'orders.place', 'orders.capture', 'orders.fulfil']);
  });

  it.each([
    ['no lines', { lines: [] }, ['lines']],
    ['a zero quantity', { lines: [{ sku: 'MUG', quantity: 0 }] }, ['lines.0.quantity']],
    ['a zero quantity as a string', { lines: [{ sku: 'MUG', quantity: '0.000' }] }, ['lines.0.quantity']],
    [
      'an unknown SKU',
      {
        lines: [
          { sku: 'MUG', quantity: 1 },
          { sku: 'NOPE', quantity: 1 },
        ],
      },
      ['lines.1.sku'],
    ],
    [
      'an override without a reason',
      { lines: [{ sku: 'MUG', quantity: 1, unitPrice: '9.00' }] },
      ['lines.0.overrideReason'],
    ],
    ['a delivery without an address', { channel: 'delivery' }, ['shippingAddress']],
    [
      'an order discount over 100 %',
      { discounts: [{ kind: 'percentage', value: '100.01' }] },
      ['discounts.0.value'],
    ],
    [
      'a line discount over 100 %',
      { lines: [{ sku: 'MUG', quantity: 1, discounts: [{ kind: 'percentage', value: '150' }] }] },
      ['lines.0.discounts.0.value'],
    ],
    [
      'a fixed discount above the line',
      { lines: [{ sku: 'MUG', quantity: 1, discounts: [{ kind: 'fixed', value: '12.01' }] }] },
      ['lines.0.discounts.0.value'],
    ],
  ] as const)('refuses %s, naming the field, and stores nothing', async (_name, change, paths) => {
    const { orders, events } = ordersFixture();
    const error = await rejection(
      orders.createOrder(
        {
          storeId: 'berlin',
          channel: 'in-store',
          lines: [{ sku: 'MUG', quantity: 1 }],
          place: true,
          ...change,
        } as CreateOrderRequest,
        { actor: manager },
      ),
    );
    expect(validationPaths(error)).toEqual(paths);
    expect((await orders.listOrders({ storeId: 'berlin' }, { actor: manager })).items).toEqual([]);
    expect(await events()).toEqual([]);
  });

  it('lets a manager override a price with a reason, and refuses a cashier', async () => {
    const { orders, events } = ordersFixture();
    const input = {
      storeId: 'berlin',
      channel: 'in-store',
      lines: [{ sku: 'MUG', quantity: 1, unitPrice: '9.00', overrideReason: 'chipped handle' }],
    } satisfies CreateOrderRequest;
    const refused = await rejection(orders.createOrder(input, { actor: cashier }));
    expect(isRetailKitError(refused, 'FORBIDDEN')).toBe(true);
    expect(await events()).toEqual([]);

    const order = await orders.createOrder(input, { actor: manager });
    expect(order.lines[0]).toMatchObject({
      unitPrice: '9.00',
      catalogPrice: '12.00',
      overrideReason: 'chipped handle',
      gross: '9.00',
      tax: '1.71',
      total: '10.71',
    });
    const stored = await orders.getOrder({ storeId: 'berlin', orderId: order.id }, { actor: manager });
    expect(stored.lines[0]?.overrideReason).toBe('chipped handle');
    expect(stored.lines[0]?.catalogPrice).toBe('12.00');
  });

  it('applies line and order discounts, percentage and fixed, so every amount reconciles', async () => {
    const { orders } = ordersFixture();
    const order = await orders.createOrder(
      {
        storeId: 'berlin',
        channel: 'in-store',
        lines: [
          {
            sku: 'MUG',
            quantity: 2,
            discounts: [
              { kind: 'percentage', value: '10' },
              { kind: 'fixed', value: '1.00', reason: 'bundle' },
            ],
          },
          { sku: 'TEA', quantity: 3 },
        ],
        discounts: [
          { kind: 'percentage', value: '5', reason: 'staff' },
          { kind: 'fixed', value: '0.50' },
        ],
      },
      { actor: cashier },
    );
    // 24.00 − 2.40 − 1.00 = 20.60; with 14.97 of tea, 35.57 before the order's 5 % (1.78) and 0.50.
    expect(order.lines.map((line) => [line.gross, line.lineDiscount])).toEqual([
      ['24.00', '3.40'],
      ['14.97', '0.00'],
    ]);
    const orderDiscount = Money.sum(
      order.lines.map((line) => eur(line.orderDiscount)),
      'EUR',
    );
    expect(orderDiscount.amount).toBe('2.28');
    // Each line's share is within a cent of its exact proportion of what it had left.
    const exact = [(2.28 * 20.6) / 35.57, (2.28 * 14.97) / 35.57];
    order.lines.forEach((line, i) => {
      expect(Math.abs(Number(line.orderDiscount) - (exact[i] ?? 0))).toBeLessThan(0.01);
    });
    expect(order.totals.subtotal).toBe('38.97');
    expect(order.totals.discount).toBe('5.68');
    expect(order.totals.net).toBe('33.29');
    expectReconciled(order);
    expect(order.discounts.map((d) => [d.kind, d.value, d.reason])).toEqual([
      ['percentage', '5', 'staff'],
      ['fixed', '0.50', null],
    ]);
  });

  it('adds tax on top when prices exclude it, and takes it out when they include it', async () => {
    const line = {
      storeId: 'berlin',
      channel: 'in-store',
      lines: [{ sku: 'POT', quantity: 1 }],
    } satisfies CreateOrderRequest;
    const exclusive = await ordersFixture().orders.createOrder(line, { actor: cashier });
    expect(exclusive.taxMode).toBe('exclusive');
    expect(exclusive.totals).toEqual({
      subtotal: '11.90',
      discount: '0.00',
      net: '11.90',
      tax: '2.26',
      total: '14.16',
    });
    expectReconciled(exclusive);
    const inclusive = await ordersFixture({ taxMode: 'inclusive' }).orders.createOrder(line, {
      actor: cashier,
    });
    expect(inclusive.taxMode).toBe('inclusive');
    expect(inclusive.totals).toEqual({
      subtotal: '11.90',
      discount: '0.00',
      net: '10.00',
      tax: '1.90',
      total: '11.90',
    });
    expectReconciled(inclusive);
  });

  it('rounds tax per line by default and once per rate when asked', async () => {
    const input = {
      storeId: 'berlin',
      channel: 'in-store',
      lines: [
        { sku: 'SAMPLE', quantity: 1 },
        { sku: 'SAMPLE', quantity: 1 },
        { sku: 'SAMPLE', quantity: 1 },
      ],
    } satisfies CreateOrderRequest;
    // 7 % of 0.10 is 0.007: a cent per line, but 0.021 → 0.02 over the order.
    const perLine = await ordersFixture().orders.createOrder(input, { actor: cashier });
    expect(perLine.taxRounding).toBe('per-line');
    expect(perLine.lines.map((line) => line.tax)).toEqual(['0.01', '0.01', '0.01']);
    expect(perLine.totals.tax).toBe('0.03');
    const perOrder = await ordersFixture({ taxRounding: 'per-order' }).orders.createOrder(input, {
      actor: cashier,
    });
    expect(perOrder.taxRounding).toBe('per-order');
    expect(perOrder.totals.tax).toBe('0.02');
    expect(perOrder.totals.total).toBe('0.32');
    expect(
      Money.sum(
        perOrder.lines.map((line) => eur(line.tax)),
        'EUR',
      ).amount,
    ).toBe('0.02');
    expectReconciled(perOrder);
  });
});
