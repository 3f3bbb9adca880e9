import { isRetailKitError, Money } from '@retailkit/core';
import { defaultOrderProcess, extendOrderProcess } from '@retailkit/orders';
import { rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { cashier, clerk, kitFixture, manager, seedKit, stockOf } from '../support/kit-fixture.js';

describe('the order process through the facade', () => {
  it('refuses to fulfil an unpaid order, naming the allowed events, and changes nothing', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const placed = await kit.orders.createOrder(
      { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'MUG', quantity: 2 }], place: true },
      { actor: cashier },
    );
    const ref = { storeId: 'berlin', orderId: placed.id };
    const historyBefore = await kit.orders.getOrderHistory(ref, { actor: cashier });
    const error = await rejection(kit.orders.fulfilOrder(ref, { actor: clerk }));
    expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
    if (!isRetailKitError(error)) throw error;
    expect(error.details).toMatchObject({ from: 'placed', event: 'fulfil' });
    expect(error.details.allowed).toEqual(placed.allowedEvents);
    expect(error.details.allowed).toEqual(expect.arrayContaining(['capture', 'cancel']));
    expect(error.details.allowed).not.toContain('fulfil');

    const after = await kit.orders.getOrder(ref, { actor: cashier });
    expect(after.version).toBe(placed.version);
    expect(after.status).toBe('placed');
    expect(after.lines[0]?.fulfilled).toBe('0');
    expect(await kit.orders.getOrderHistory(ref, { actor: cashier })).toHaveLength(historyBefore.length);
    expect(await stockOf(kit, 'berlin', 'MUG')).toEqual({ onHand: '5', reserved: '2' });
  });

  it('cancels the rest once part is handed over, releasing it and owing its value back', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const placed = await kit.orders.createOrder(
      { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'MUG', quantity: 2 }], place: true },
      { actor: cashier },
    );
    const ref = { storeId: 'berlin', orderId: placed.id };
    await kit.orders.recordPayment(
      { ...ref, key: 'card', tender: 'card', amount: placed.totals.total },
      { actor: cashier },
    );
    const partly = await kit.orders.fulfilOrder(
      { ...ref, lines: [{ lineId: '1', quantity: 1 }] },
      { actor: clerk },
    );
    expect(partly.status).toBe('partially-fulfilled');
    const rest = await kit.orders.cancelOrder({ ...ref, reason: 'second mug broke' }, { actor: manager });
    expect(rest.status).toBe('fulfilled');
    expect(rest.lines[0]).toMatchObject({ fulfilled: '1', cancelled: '1' });
    expect([rest.balanceDue, rest.refundDue]).toEqual(['0.00', '14.28']);
    expect(await stockOf(kit, 'berlin', 'MUG')).toEqual({ onHand: '4', reserved: '0' });

    // Fulfilled in full, nothing is left to cancel: refused, and nothing changes.
    const error = await rejection(kit.orders.cancelOrder({ ...ref, reason: 'too late' }, { actor: manager }));
    expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
    const after = await kit.orders.getOrder(ref, { actor: manager });
    expect(after.version).toBe(rest.version);
    const settled = await kit.orders.refundPayment(
      { ...ref, key: 'rest', amount: rest.refundDue },
      { actor: manager },
    );
    expect([settled.balanceDue, settled.refundDue]).toEqual(['0.00', '0.00']);
  });

  it('refuses built-in events in transitionOrder, naming the event', async () => {
    const { kit } = kitFixture();
    await seedKit(kit);
    const placed = await kit.orders.createOrder(
      { storeId: 'berlin', channel: 'in-store', lines: [{ sku: 'TEA', quantity: 1 }], place: true },
      { actor: cashier },
    );
    const ref = { storeId: 'berlin', orderId: placed.id };
    for (const event of ['fulfil', 'capture', 'cancel', 'place']) {
      expect(
        validationPaths(await rejection(kit.orders.transitionOrder({ ...ref, event }, { actor: manager }))),
      ).toEqual(['event']);
    }
    const unknown = await rejection(
      kit.orders.transitionOrder({ ...ref, event: 'approve' }, { actor: manager }),
    );
    expect(isRetailKitError(unknown, 'INVALID_TRANSITION')).toBe(true);
    expect((await kit.orders.getOrder(ref, { actor: manager })).version).toBe(placed.version);
  });

  it('runs a custom approval step for large orders end to end, recording who approved and why', async () => {
    const process = extendOrderProcess(defaultOrderProcess, {
      guards: {
        aboveApprovalLimit: (order) =>
          Money.of(order.totals.total, order.currency).greaterThan(Money.of('100', order.currency)),
      },
      states: {
        draft: {
          on: { place: [{ target: 'awaiting-approval', guard: 'aboveApprovalLimit' }, { target: 'placed' }] },
        },
        'awaiting-approval': { on: { approve: 'placed', cancel: 'cancelled' } },
      },
    });
    const { kit } = kitFixture(undefined, { process });
    await seedKit(kit);

    const small = await kit.orders.createOrder(
      { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'MUG', quantity: 1 }], place: true },
      { actor: cashier },
    );
    expect(small.status).toBe('placed');

    const large = await kit.orders.createOrder(
      {
        storeId: 'berlin',
        locationId: 'central',
        channel: 'pickup',
        lines: [{ sku: 'MUG', quantity: 9 }],
        place: true,
      },
      { actor: manager },
    );
    expect(large.totals.total).toBe('128.52');
    expect(large.status).toBe('awaiting-approval');
    expect(large.allowedEvents).toEqual(['approve', 'cancel']);
    expect(await stockOf(kit, 'central', 'MUG')).toEqual({ onHand: '20', reserved: '9' });
    const ref = { storeId: 'berlin', orderId: large.id };

    const early = await rejection(
      kit.orders.recordPayment({ ...ref, key: 'card', tender: 'card', amount: '128.52' }, { actor: manager }),
    );
    expect(isRetailKitError(early, 'INVALID_TRANSITION')).toBe(true);
    const notAllowed = await rejection(
      kit.orders.transitionOrder({ ...ref, event: 'approve' }, { actor: cashier }),
    );
    expect(isRetailKitError(notAllowed, 'FORBIDDEN')).toBe(true);

    const approved = await kit.orders.transitionOrder(
      { ...ref, event: 'approve', reason: 'regular trade customer' },
      { actor: manager },
    );
    expect(approved.status).toBe('placed');
    await kit.orders.recordPayment(
      { ...ref, key: 'card', tender: 'card', amount: '128.52' },
      { actor: manager },
    );
    const fulfilled = await kit.orders.fulfilOrder(ref, { actor: manager });
    expect(fulfilled.status).toBe('fulfilled');
    expect(await stockOf(kit, 'central', 'MUG')).toEqual({ onHand: '11', reserved: '0' });

    const history = await kit.orders.getOrderHistory(ref, { actor: manager });
    expect(history.map((entry) => [entry.event, entry.from, entry.to])).toEqual([
      ['create', 'draft', 'draft'],
      ['place', 'draft', 'awaiting-approval'],
      ['approve', 'awaiting-approval', 'placed'],
      ['capture', 'placed', 'paid'],
      ['fulfil', 'paid', 'fulfilled'],
    ]);
    expect(history[2]).toMatchObject({ actorId: manager.id, reason: 'regular trade customer' });
  });
});
