import { Money } from '@retailkit/core';
import { rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import type { RetailKit } from '../../src/index.js';
import { cashier, kitFixture, manager, seedKit, stockOf } from '../support/kit-fixture.js';

const eur = (amount: string) => Money.of(amount, 'EUR');

/** A till sale of `lines`, paid by card and handed over. */
async function sold(
  kit: RetailKit,
  lines: { sku: string; quantity: number }[],
  discounts?: { kind: 'fixed' | 'percentage'; value: string }[],
) {
  const draft = await kit.orders.createOrder(
    { storeId: 'berlin', channel: 'in-store', lines, ...(discounts ? { discounts } : {}), place: true },
    { actor: cashier },
  );
  const ref = { storeId: 'berlin', orderId: draft.id };
  await kit.orders.recordPayment(
    { ...ref, key: 'card', tender: 'card', amount: draft.totals.total },
    { actor: cashier },
  );
  const order = await kit.orders.fulfilOrder(ref, { actor: manager });
  return { order, ref };
}

describe('returns through the facade', () => {
  it('refuses to take back more than was handed over, naming the line, and changes nothing', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const placed = await kit.orders.createOrder(
      {
        storeId: 'berlin',
        channel: 'pickup',
        lines: [
          { sku: 'TEA', quantity: 2 },
          { sku: 'MUG', quantity: 2 },
        ],
        place: true,
      },
      { actor: cashier },
    );
    const ref = { storeId: 'berlin', orderId: placed.id };
    await kit.orders.recordPayment(
      { ...ref, key: 'card', tender: 'card', amount: placed.totals.total },
      { actor: cashier },
    );
    const partly = await kit.orders.fulfilOrder(
      {
        ...ref,
        lines: [
          { lineId: '1', quantity: 2 },
          { lineId: '2', quantity: 1 },
        ],
      },
      { actor: manager },
    );
    const error = await rejection(
      kit.orders.returnOrder(
        {
          ...ref,
          lines: [
            { lineId: '1', quantity: 1, condition: 'sellable' },
            { lineId: '2', quantity: 2, condition: 'sellable' },
          ],
        },
        { actor: manager },
      ),
    );
    expect(validationPaths(error)).toEqual(['lines.1.quantity']);
    // Split over two entries of one return, the line is still checked as a whole.
    const split = await rejection(
      kit.orders.returnOrder(
        {
          ...ref,
          lines: [
            { lineId: '2', quantity: 1, condition: 'sellable' },
            { lineId: '2', quantity: 1, condition: 'damaged' },
          ],
        },
        { actor: manager },
      ),
    );
    expect(validationPaths(split)).toEqual(['lines.1.quantity']);
    const after = await kit.orders.getOrder(ref, { actor: manager });
    expect(after.version).toBe(partly.version);
    expect(after.returns).toEqual([]);
    expect(await stockOf(kit, 'berlin', 'MUG')).toEqual({ onHand: '4', reserved: '1' });
  });

  it('refunds exactly the line when it comes back in three returns', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    // 3 × 4.99 less a cent = 14.96 net, 1.05 tax: neither splits evenly in three.
    const { order, ref } = await sold(kit, [{ sku: 'TEA', quantity: 3 }], [{ kind: 'fixed', value: '0.01' }]);
    const line = order.lines[0];
    if (!line) throw new Error('no line');
    expect([line.net, line.tax, line.total]).toEqual(['14.96', '1.05', '16.01']);
    let refunded = order;
    for (const step of [1, 2, 3]) {
      const returned = await kit.orders.returnOrder(
        { ...ref, lines: [{ lineId: line.id, quantity: 1, condition: 'sellable' }] },
        { actor: manager },
      );
      const ret = returned.returns.at(-1);
      refunded = await kit.orders.refundPayment(
        { ...ref, key: `refund-${step}`, returnId: ret?.id },
        { actor: manager },
      );
    }
    const nets = refunded.returns.map((ret) => ret.lines[0]?.net);
    expect(nets).toEqual(['4.98', '4.99', '4.99']);
    const sum = (pick: (ret: (typeof refunded.returns)[number]) => string) =>
      Money.sum(
        refunded.returns.map((ret) => eur(pick(ret))),
        'EUR',
      ).amount;
    expect(sum((ret) => ret.lines[0]?.net ?? '0')).toBe(line.net);
    expect(sum((ret) => ret.lines[0]?.tax ?? '0')).toBe(line.tax);
    expect(sum((ret) => ret.amount)).toBe(line.total);
    expect(refunded.payments[0]?.refunded).toBe('16.01');
    expect(refunded.refundable).toBe('0.00');
    expect(refunded.lines[0]?.returned).toBe('3');
    expect(await stockOf(kit, 'berlin', 'TEA')).toEqual({ onHand: '10', reserved: '0' });
    const more = await rejection(
      kit.orders.returnOrder(
        { ...ref, lines: [{ lineId: line.id, quantity: 1, condition: 'sellable' }] },
        { actor: manager },
      ),
    );
    expect(validationPaths(more)).toEqual(['lines.0.quantity']);
  });

  it('writes damaged goods off: on hand stays, the ledger shows the write-off', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const { ref } = await sold(kit, [{ sku: 'MUG', quantity: 1 }]);
    expect(await stockOf(kit, 'berlin', 'MUG')).toEqual({ onHand: '4', reserved: '0' });
    const returned = await kit.orders.returnOrder(
      { ...ref, lines: [{ lineId: '1', quantity: 1, condition: 'damaged' }], reason: 'cracked' },
      { actor: manager },
    );
    expect(returned.returns[0]).toMatchObject({ amount: '14.28', reason: 'cracked' });
    expect(await stockOf(kit, 'berlin', 'MUG')).toEqual({ onHand: '4', reserved: '0' });
    const movements = await kit.inventory.listStockMovements(
      { locationId: 'berlin', sku: 'MUG', reasons: ['return-damaged', 'write-off'] },
      { actor: manager },
    );
    expect(movements.items.map((movement) => [movement.reason, movement.quantity])).toEqual([
      ['return-damaged', '1'],
      ['write-off', '-1'],
    ]);
  });

  it('exchanges a mug for a tea: the credit pays the tea and the rest is owed back', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const { order, ref } = await sold(kit, [{ sku: 'MUG', quantity: 1 }]);
    expect(order.totals.total).toBe('14.28');
    const result = await kit.orders.exchangeOrder(
      {
        ...ref,
        key: 'exchange-1',
        returnLines: [{ lineId: '1', quantity: 1, condition: 'sellable' }],
        lines: [{ sku: 'TEA', quantity: 1 }],
        reason: 'wrong gift',
      },
      { actor: manager },
    );
    expect(result.exchange.totals.total).toBe('5.34');
    expect(result.exchange.exchangeForOrderId).toBe(order.id);
    expect(result.exchange.payments.map((p) => [p.tender, p.captured])).toEqual([['store-credit', '5.34']]);
    expect(result.exchange.status).toBe('completed');
    expect(result.balanceDue).toBe('0.00');
    expect(result.refundDue).toBe('8.94');
    expect(result.original.refundable).toBe('8.94');
    expect(await stockOf(kit, 'berlin', 'MUG')).toEqual({ onHand: '5', reserved: '0' });
    expect(await stockOf(kit, 'berlin', 'TEA')).toEqual({ onHand: '9', reserved: '0' });

    // What is still owed on the return is exactly the refund due.
    const ret = result.original.returns[0];
    const settled = await kit.orders.refundPayment(
      { ...ref, key: 'refund-rest', returnId: ret?.id },
      { actor: manager },
    );
    expect(settled.payments[0]?.refunded).toBe('14.28');
    expect(settled.refundable).toBe('0.00');
  });

  it('exchanges one mug for two: the new order waits, placed, for the difference', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const { ref } = await sold(kit, [{ sku: 'MUG', quantity: 1 }]);
    const result = await kit.orders.exchangeOrder(
      {
        ...ref,
        key: 'exchange-1',
        returnLines: [{ lineId: '1', quantity: 1, condition: 'sellable' }],
        lines: [{ sku: 'MUG', quantity: 2 }],
      },
      { actor: manager },
    );
    expect(result.exchange.totals.total).toBe('28.56');
    expect(result.balanceDue).toBe('14.28');
    expect(result.refundDue).toBe('0.00');
    expect(result.exchange.status).toBe('placed');
    expect(result.exchange.balanceDue).toBe('14.28');
    expect(result.original.refundable).toBe('0.00');
    expect(await stockOf(kit, 'berlin', 'MUG')).toEqual({ onHand: '5', reserved: '2' });

    const exchangeRef = { storeId: 'berlin', orderId: result.exchange.id };
    await kit.orders.recordPayment(
      { ...exchangeRef, key: 'cash', tender: 'cash', amount: result.balanceDue },
      { actor: cashier },
    );
    const handed = await kit.orders.fulfilOrder(exchangeRef, { actor: manager });
    expect(handed.status).toBe('fulfilled');
    expect(await stockOf(kit, 'berlin', 'MUG')).toEqual({ onHand: '3', reserved: '0' });
  });

  it('does not exchange twice when the same request is retried with its key', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const { ref } = await sold(kit, [{ sku: 'MUG', quantity: 2 }]);
    const input = {
      ...ref,
      key: 'exchange-1',
      returnLines: [{ lineId: '1', quantity: 1, condition: 'sellable' as const }],
      lines: [{ sku: 'TEA', quantity: 1 }],
    };
    const first = await kit.orders.exchangeOrder(input, { actor: manager });
    // A replay or a refusal would both do; a second exchange must not happen.
    await kit.orders.exchangeOrder(input, { actor: manager }).catch(() => undefined);
    const original = await kit.orders.getOrder(ref, { actor: manager });
    expect(original.returns).toHaveLength(1);
    expect(original.lines[0]?.returned).toBe('1');
    const exchanges = await kit.orders.listOrders({ storeId: 'berlin' }, { actor: manager });
    expect(exchanges.items.filter((o) => o.exchangeForOrderId === ref.orderId).map((o) => o.id)).toEqual([
      first.exchange.id,
    ]);
  });
});
