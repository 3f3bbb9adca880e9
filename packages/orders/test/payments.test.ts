import { isRetailKitError } from '@retailkit/core';
import { rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { cashier, manager, ordersFixture } from './support/orders-fixture.js';

/** A placed order of two mugs: 24.00 + 4.56 tax = 28.56. */
async function placedOrder() {
  const fixture = ordersFixture();
  const order = await fixture.orders.createOrder(
    { storeId: 'berlin', channel: 'in-store', lines: [{ sku: 'MUG', quantity: 2 }], place: true },
    { actor: cashier },
  );
  expect(order.totals.total).toBe('28.56');
  return { ...fixture, order, ref: { storeId: 'berlin', orderId: order.id } };
}

describe('recordPayment', () => {
  it('refuses more than the balance due, naming the amount, and records nothing', async () => {
    const { orders, ref } = await placedOrder();
    const first = await orders.recordPayment(
      { ...ref, key: 'p1', tender: 'card', amount: '20.00' },
      { actor: cashier },
    );
    const error = await rejection(
      orders.recordPayment({ ...ref, key: 'p2', tender: 'cash', amount: '8.57' }, { actor: cashier }),
    );
    expect(validationPaths(error)).toEqual(['amount']);
    const order = await orders.getOrder(ref, { actor: cashier });
    expect(order.payments.map((p) => p.key)).toEqual(['p1']);
    expect(order.balanceDue).toBe('8.56');
    expect(order.version).toBe(first.version);
  });

  it('gives change for cash tendered, and refuses tendered on a card', async () => {
    const { orders, ref } = await placedOrder();
    const card = await rejection(
      orders.recordPayment(
        { ...ref, key: 'c1', tender: 'card', amount: '28.56', tendered: '30.00' },
        { actor: cashier },
      ),
    );
    expect(validationPaths(card)).toEqual(['tendered']);
    const short = await rejection(
      orders.recordPayment(
        { ...ref, key: 'c1', tender: 'cash', amount: '28.56', tendered: '28.55' },
        { actor: cashier },
      ),
    );
    expect(validationPaths(short)).toEqual(['tendered']);
    const paid = await orders.recordPayment(
      { ...ref, key: 'c1', tender: 'cash', amount: '28.56', tendered: '50' },
      { actor: cashier },
    );
    expect(paid.payments).toHaveLength(1);
    expect(paid.payments[0]).toMatchObject({ tendered: '50.00', changeDue: '21.44', captured: '28.56' });
    expect(paid.status).toBe('paid');
    expect(paid.balanceDue).toBe('0.00');
  });

  it('replays the same key and request, and refuses the same key for another amount', async () => {
    const { orders, ref, events } = await placedOrder();
    const input = { ...ref, key: 'terminal-7', tender: 'card', amount: '10.00' } as const;
    const first = await orders.recordPayment(input, { actor: cashier });
    const again = await orders.recordPayment(input, { actor: cashier });
    expect(again.payments).toHaveLength(1);
    expect(again.version).toBe(first.version);
    expect(again.balanceDue).toBe('18.56');
    const reuse = await rejection(orders.recordPayment({ ...input, amount: '11.00' }, { actor: cashier }));
    expect(isRetailKitError(reuse, 'IDEMPOTENCY_KEY_REUSE')).toBe(true);
    const otherTender = await rejection(
      orders.recordPayment({ ...input, tender: 'gift-card' }, { actor: cashier }),
    );
    expect(isRetailKitError(otherTender, 'IDEMPOTENCY_KEY_REUSE')).toBe(true);
    const captures = (await events()).filter((event) => event.type === 'orders.capture');
    expect(captures).toHaveLength(1);
  });
});

describe('retried payments', () => {
  // A retry may arrive after the payment moved on (captured, refunded): it is still the same request.
  it('replays an authorisation retried after it was captured', async () => {
    const { orders, ref } = await placedOrder();
    const input = { ...ref, key: 'psp-1', tender: 'card', amount: '28.56' } as const;
    await orders.authorizePayment(input, { actor: cashier });
    const captured = await orders.capturePayment({ ...ref, key: 'psp-1' }, { actor: cashier });
    const retried = await orders.authorizePayment(input, { actor: cashier });
    expect(retried.version).toBe(captured.version);
    expect(retried.payments).toHaveLength(1);
  });

  it('replays a payment retried after it was refunded', async () => {
    const { orders, ref } = await placedOrder();
    const input = { ...ref, key: 'card-1', tender: 'card', amount: '28.56' } as const;
    await orders.recordPayment(input, { actor: cashier });
    const refunded = await orders.refundPayment({ ...ref, key: 'r1', amount: '28.56' }, { actor: manager });
    const retried = await orders.recordPayment(input, { actor: cashier });
    expect(retried.version).toBe(refunded.version);
    expect(retried.payments).toHaveLength(1);
  });
});

describe('authorisations', () => {
  it('captures in parts, refuses more than is authorised, then captures the rest', async () => {
    const { orders, ref } = await placedOrder();
    const authorized = await orders.authorizePayment(
      { ...ref, key: 'psp-1', tender: 'card', amount: '28.56' },
      { actor: cashier },
    );
    expect(authorized.payments[0]).toMatchObject({
      status: 'authorized',
      authorized: '28.56',
      captured: '0.00',
    });
    expect(authorized.paymentStatus).not.toBe('paid');
    const part = await orders.capturePayment({ ...ref, key: 'psp-1', amount: '10.00' }, { actor: cashier });
    expect(part.status).toBe('placed');
    expect(part.balanceDue).toBe('18.56');
    const over = await rejection(
      orders.capturePayment({ ...ref, key: 'psp-1', amount: '18.57' }, { actor: cashier }),
    );
    expect(validationPaths(over)).toEqual(['amount']);
    await orders.capturePayment({ ...ref, key: 'psp-1', amount: '8.56' }, { actor: cashier });
    const rest = await orders.capturePayment({ ...ref, key: 'psp-1' }, { actor: cashier });
    expect(rest.status).toBe('paid');
    expect(rest.payments[0]).toMatchObject({ status: 'captured', authorized: '28.56', captured: '28.56' });
    const nothingLeft = await rejection(orders.capturePayment({ ...ref, key: 'psp-1' }, { actor: cashier }));
    expect(validationPaths(nothingLeft)).toEqual(['amount']);
  });

  it('voids an authorisation, so the amount can be paid another way', async () => {
    const { orders, ref } = await placedOrder();
    await orders.authorizePayment(
      { ...ref, key: 'psp-1', tender: 'card', amount: '28.56' },
      { actor: cashier },
    );
    // While authorised, nothing more can be taken.
    const blocked = await rejection(
      orders.recordPayment({ ...ref, key: 'cash-1', tender: 'cash', amount: '1.00' }, { actor: cashier }),
    );
    expect(validationPaths(blocked)).toEqual(['amount']);
    const voided = await orders.voidPayment(
      { ...ref, key: 'psp-1', reason: 'card declined' },
      { actor: cashier },
    );
    expect(voided.payments[0]?.status).toBe('voided');
    expect(voided.balanceDue).toBe('28.56');
    expect(voided.status).toBe('placed');
    const twice = await rejection(orders.voidPayment({ ...ref, key: 'psp-1' }, { actor: cashier }));
    expect(validationPaths(twice)).toEqual(['key']);
    const paid = await orders.recordPayment(
      { ...ref, key: 'cash-1', tender: 'cash', amount: '28.56' },
      { actor: cashier },
    );
    expect(paid.status).toBe('paid');
    const history = await orders.getOrderHistory(ref, { actor: cashier });
    expect(history.find((entry) => entry.event === 'void')?.reason).toBe('card declined');
  });
});

describe('refundPayment', () => {
  /** The two mugs paid 10.00 in cash, then 18.56 by card. */
  async function paidInTwo() {
    const fixture = await placedOrder();
    const { orders, ref } = fixture;
    await orders.recordPayment({ ...ref, key: 'cash', tender: 'cash', amount: '10.00' }, { actor: cashier });
    await orders.recordPayment({ ...ref, key: 'card', tender: 'card', amount: '18.56' }, { actor: cashier });
    return fixture;
  }

  it('needs the refund permission', async () => {
    const { orders, ref } = await paidInTwo();
    const error = await rejection(
      orders.refundPayment({ ...ref, key: 'r1', amount: '1.00' }, { actor: cashier }),
    );
    expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
  });

  it('refuses more than is refundable', async () => {
    const { orders, ref } = await paidInTwo();
    const error = await rejection(
      orders.refundPayment({ ...ref, key: 'r1', amount: '28.57' }, { actor: manager }),
    );
    expect(validationPaths(error)).toEqual(['amount']);
    const order = await orders.getOrder(ref, { actor: manager });
    expect(order.refundable).toBe('28.56');
  });

  it('spreads a refund over the tenders, latest first, summing exactly', async () => {
    const { orders, ref } = await paidInTwo();
    const refunded = await orders.refundPayment({ ...ref, key: 'r1', amount: '20.00' }, { actor: manager });
    expect(refunded.payments.map((p) => [p.key, p.refunded, p.status])).toEqual([
      ['cash', '1.44', 'captured'],
      ['card', '18.56', 'refunded'],
    ]);
    expect(refunded.refundable).toBe('8.56');
    // A refund that settles no return is a concession: nothing becomes owed again.
    expect(refunded.balanceDue).toBe('0.00');
    expect(refunded.refundDue).toBe('0.00');
    expect(refunded.status).toBe('paid');
  });

  it('refunds once for the same key', async () => {
    const { orders, ref, events } = await paidInTwo();
    const input = { ...ref, key: 'r1', amount: '5.00' };
    const first = await orders.refundPayment(input, { actor: manager });
    const again = await orders.refundPayment(input, { actor: manager });
    expect(again.refundable).toBe('23.56');
    expect(again.version).toBe(first.version);
    expect((await events()).filter((event) => event.type === 'orders.refund')).toHaveLength(1);
    const reuse = await rejection(orders.refundPayment({ ...input, amount: '6.00' }, { actor: manager }));
    expect(isRetailKitError(reuse, 'IDEMPOTENCY_KEY_REUSE')).toBe(true);
  });

  it("refuses an amount above the return's worth when refunding a return", async () => {
    const { orders, ref } = await paidInTwo();
    await orders.fulfilOrder(ref, { actor: manager });
    const returned = await orders.returnOrder(
      { ...ref, lines: [{ lineId: '1', quantity: 1, condition: 'sellable' }] },
      { actor: manager },
    );
    const ret = returned.returns[0];
    const error = await rejection(
      orders.refundPayment({ ...ref, key: 'r1', returnId: ret?.id, amount: '28.56' }, { actor: manager }),
    );
    expect(validationPaths(error)).toEqual(['amount']);
  });

  it("refunds exactly a return's amount, and refuses refunding that return again", async () => {
    const { orders, ref } = await paidInTwo();
    await orders.fulfilOrder(ref, { actor: manager });
    const returned = await orders.returnOrder(
      { ...ref, lines: [{ lineId: '1', quantity: 1, condition: 'sellable' }] },
      { actor: manager },
    );
    const ret = returned.returns[0];
    expect(ret?.amount).toBe('14.28');
    expect(returned.balanceDue).toBe('0.00');
    const refunded = await orders.refundPayment({ ...ref, key: 'r1', returnId: ret?.id }, { actor: manager });
    expect(refunded.refundable).toBe('14.28');
    expect(refunded.payments.flatMap((p) => p.refunds.map((r) => [r.amount, r.returnId]))).toEqual([
      ['14.28', ret?.id],
    ]);
    const again = await rejection(
      orders.refundPayment({ ...ref, key: 'r2', returnId: ret?.id }, { actor: manager }),
    );
    expect(validationPaths(again)).toEqual(['returnId']);
    const unknown = await rejection(
      orders.refundPayment({ ...ref, key: 'r3', returnId: 'no-such-return' }, { actor: manager }),
    );
    expect(validationPaths(unknown)).toEqual(['returnId']);
  });
});
