import { isRetailKitError } from '@retailkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  testFulfilment,
  testLine,
  testOrder,
  testPayment,
  testShipment,
} from '../../test/support/order-record-builder.js';
import type { OrderRecord } from '../storage/order-records.js';
import {
  type DefaultOrderEvent,
  type DefaultOrderState,
  defaultOrderProcess,
  ORDER_EVENTS,
} from './default-order-process.js';

const paid = [testPayment('p1', { authorized: '10.00', captured: '10.00' })];
const halfPaid = [testPayment('p1', { authorized: '10.00', captured: '5.00' })];
const halfRefunded = [testPayment('p1', { authorized: '10.00', captured: '10.00', refunded: '5.00' })];
const fulfilledLine = [testLine('1', { fulfilled: '1' })];
const partlyFulfilledLine = [
  testLine('1', { quantity: '2', fulfilled: '1', gross: '20.00', total: '20.00' }),
];
const shipped = {
  channel: 'delivery' as const,
  lines: fulfilledLine,
  fulfilments: [testFulfilment('f1', 's1', { '1': '1' })],
  shipments: [testShipment('s1', 'in-transit', ['f1'])],
};
const delivered = { ...shipped, shipments: [testShipment('s1', 'delivered', ['f1'])] };
const fulfilledUnshipped = {
  channel: 'delivery' as const,
  lines: fulfilledLine,
  fulfilments: [testFulfilment('f1', null, { '1': '1' })],
};

type Row = readonly [
  DefaultOrderState,
  DefaultOrderEvent,
  Parameters<typeof testOrder>[0],
  DefaultOrderState,
];

// Every transition of the table, with an order (after the command's change) that takes each candidate.
const table: readonly Row[] = [
  ['draft', 'place', {}, 'placed'],
  ['draft', 'cancel', {}, 'cancelled'],
  ['placed', 'authorize', {}, 'placed'],
  ['placed', 'capture', { payments: paid }, 'paid'],
  ['placed', 'capture', { payments: halfPaid }, 'placed'],
  ['placed', 'void', {}, 'placed'],
  ['placed', 'refund', {}, 'placed'],
  ['placed', 'cancel', {}, 'cancelled'],
  ['paid', 'capture', { payments: paid }, 'paid'],
  // A refund settling no return is a concession: the order stays paid.
  ['paid', 'refund', { payments: halfRefunded }, 'paid'],
  ['paid', 'refund', { payments: paid, total: '10.00' }, 'paid'],
  ['paid', 'fulfil', { payments: paid, lines: fulfilledLine }, 'fulfilled'],
  ['paid', 'fulfil', { payments: paid, lines: partlyFulfilledLine }, 'partially-fulfilled'],
  ['paid', 'cancel', { payments: paid }, 'cancelled'],
  ['partially-fulfilled', 'fulfil', { lines: fulfilledLine }, 'fulfilled'],
  ['partially-fulfilled', 'fulfil', { lines: partlyFulfilledLine }, 'partially-fulfilled'],
  ['partially-fulfilled', 'ship', { channel: 'delivery', lines: partlyFulfilledLine }, 'partially-fulfilled'],
  ['partially-fulfilled', 'track', {}, 'partially-fulfilled'],
  ['partially-fulfilled', 'return', {}, 'partially-fulfilled'],
  ['partially-fulfilled', 'refund', {}, 'partially-fulfilled'],
  ['partially-fulfilled', 'capture', {}, 'partially-fulfilled'],
  ['partially-fulfilled', 'cancel', { lines: fulfilledLine }, 'fulfilled'],
  ['partially-fulfilled', 'cancel', shipped, 'shipped'],
  ['fulfilled', 'ship', shipped, 'shipped'],
  ['fulfilled', 'ship', fulfilledUnshipped, 'fulfilled'],
  ['fulfilled', 'pick-up', { channel: 'pickup', lines: fulfilledLine }, 'picked-up'],
  ['fulfilled', 'complete', { channel: 'in-store', lines: fulfilledLine }, 'completed'],
  ['fulfilled', 'return', {}, 'fulfilled'],
  ['fulfilled', 'refund', {}, 'fulfilled'],
  ['fulfilled', 'capture', {}, 'fulfilled'],
  ['fulfilled', 'track', {}, 'fulfilled'],
  ['shipped', 'track', delivered, 'delivered'],
  ['shipped', 'track', shipped, 'shipped'],
  ['shipped', 'deliver', shipped, 'delivered'],
  ['shipped', 'return', shipped, 'shipped'],
  ['shipped', 'refund', shipped, 'shipped'],
  ['delivered', 'complete', delivered, 'completed'],
  ['delivered', 'return', delivered, 'delivered'],
  ['delivered', 'refund', delivered, 'delivered'],
  ['picked-up', 'complete', {}, 'completed'],
  ['picked-up', 'return', {}, 'picked-up'],
  ['picked-up', 'refund', {}, 'picked-up'],
  ['completed', 'return', {}, 'completed'],
  ['completed', 'refund', {}, 'completed'],
  ['cancelled', 'refund', {}, 'cancelled'],
];

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('defaultOrderProcess', () => {
  it.each(table)('%s --%s--> %s (order %j) lands in %s', (from, event, order, to) => {
    const result = defaultOrderProcess.transition(testOrder({ ...order, status: from }), event);
    expect(result).toEqual({ from, to, event, effects: [] });
  });

  it('declares exactly the transitions of the table, no more', () => {
    const declared = defaultOrderProcess.states.flatMap((state) =>
      Object.keys(defaultOrderProcess.config.states[state].on ?? {}).map((event) => `${state} ${event}`),
    );
    const tested = [...new Set(table.map(([state, event]) => `${state} ${event}`))];
    expect(tested.sort()).toEqual(declared.sort());
  });

  it('starts in draft, and no state is final (cancelled still takes refunds, completed returns)', () => {
    expect(defaultOrderProcess.initial).toBe('draft');
    expect(defaultOrderProcess.states.filter((state) => defaultOrderProcess.isFinal(state))).toEqual([]);
  });

  it('lists every event once in ORDER_EVENTS', () => {
    expect(ORDER_EVENTS).toEqual([
      'place',
      'cancel',
      'authorize',
      'capture',
      'void',
      'refund',
      'fulfil',
      'ship',
      'track',
      'return',
      'pick-up',
      'complete',
      'deliver',
    ]);
  });

  it('refuses an undeclared event with InvalidTransitionError naming the events allowed now', () => {
    const error = caught(() => defaultOrderProcess.transition(testOrder({ status: 'draft' }), 'ship'));
    expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
    expect((error as { details: unknown }).details).toMatchObject({
      from: 'draft',
      event: 'ship',
      allowed: ['place', 'cancel'],
    });
    expect((error as Error).message).toBe('Cannot ship from draft; allowed: place, cancel');
  });

  it('refuses a declared event whose guards all fail, and leaves it out of the allowed events', () => {
    const order = testOrder({ status: 'paid', payments: paid, lines: partlyFulfilledLine, fulfilments: [] });
    // A paid order with goods handed over cannot be cancelled.
    const error = caught(() => defaultOrderProcess.transition(order, 'cancel'));
    expect((error as { details: { allowed: unknown } }).details.allowed).toEqual([
      'capture',
      'refund',
      'fulfil',
    ]);
  });

  it('only ships delivery orders and only picks up pickup orders', () => {
    const inStore = testOrder({ status: 'fulfilled', channel: 'in-store', lines: fulfilledLine });
    expect(defaultOrderProcess.can(inStore, 'ship')).toBe(false);
    expect(defaultOrderProcess.can(inStore, 'pick-up')).toBe(false);
    expect(defaultOrderProcess.allowedEvents(inStore)).toEqual([
      'complete',
      'return',
      'refund',
      'capture',
      'track',
    ]);
    const pickup = testOrder({ status: 'fulfilled', channel: 'pickup', lines: fulfilledLine });
    expect(defaultOrderProcess.allowedEvents(pickup)).toEqual([
      'pick-up',
      'return',
      'refund',
      'capture',
      'track',
    ]);
  });

  it('knows nothing of an order in a state it does not declare', () => {
    const order = testOrder({ status: 'awaiting-approval' });
    expect(defaultOrderProcess.allowedEvents(order)).toEqual([]);
    const error = caught(() => defaultOrderProcess.transition(order, 'place'));
    expect((error as { details: unknown }).details).toMatchObject({ allowed: [], knownState: false });
  });

  it('never mistakes Object.prototype members for events or states', () => {
    expect(defaultOrderProcess.can(testOrder({ status: 'draft' }), 'toString')).toBe(false);
    expect(defaultOrderProcess.can(testOrder({ status: 'constructor' }), 'place')).toBe(false);
    expect(defaultOrderProcess.isFinal('__proto__')).toBe(false);
  });

  it('is immutable', () => {
    expect(Object.isFrozen(defaultOrderProcess)).toBe(true);
    expect(Object.isFrozen(defaultOrderProcess.config.states.draft.on)).toBe(true);
  });
});

const amount = fc.integer({ min: 0, max: 3000 }).map((cents) => (cents / 100).toFixed(2));
const arbitraryOrder: fc.Arbitrary<OrderRecord> = fc
  .record({
    status: fc.constantFrom<string>(...defaultOrderProcess.states, 'unknown-state'),
    channel: fc.constantFrom('in-store' as const, 'pickup' as const, 'delivery' as const),
    total: amount,
    payments: fc.array(
      fc.record({
        captured: amount,
        refunded: amount,
        status: fc.constantFrom('authorized' as const, 'captured' as const),
      }),
      { maxLength: 3 },
    ),
    lines: fc.array(
      fc.record({ quantity: fc.integer({ min: 0, max: 4 }), fulfilled: fc.integer({ min: 0, max: 4 }) }),
      { maxLength: 3 },
    ),
    shipmentStatus: fc.constantFrom('shipped' as const, 'delivered' as const, null),
  })
  .map(({ status, channel, total, payments, lines, shipmentStatus }) => {
    const shipmentId = shipmentStatus === null ? null : 's1';
    return testOrder({
      status,
      channel,
      total,
      payments: payments.map((payment, index) =>
        testPayment(`p${index}`, { ...payment, authorized: payment.captured }),
      ),
      lines: lines.map((line, index) =>
        testLine(`${index + 1}`, {
          quantity: String(line.quantity),
          fulfilled: String(Math.min(line.fulfilled, line.quantity)),
        }),
      ),
      fulfilments: lines.some((line) => line.fulfilled > 0)
        ? [testFulfilment('f1', shipmentId, { '1': '1' })]
        : [],
      shipments: shipmentStatus === null ? [] : [testShipment('s1', shipmentStatus, ['f1'])],
    });
  });
const arbitraryEvent = fc.constantFrom<string>(...ORDER_EVENTS, 'approve', 'toString');

describe('defaultOrderProcess properties', () => {
  it('can() is true exactly when transition() succeeds, and allowedEvents() lists exactly those events', () => {
    fc.assert(
      fc.property(arbitraryOrder, arbitraryEvent, (order, event) => {
        let succeeded: boolean;
        try {
          const result = defaultOrderProcess.transition(order, event);
          succeeded = true;
          expect(result.from).toBe(order.status);
          expect(defaultOrderProcess.states).toContain(result.to);
        } catch (error) {
          expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
          expect((error as { details: { allowed: unknown } }).details.allowed).toEqual(
            defaultOrderProcess.allowedEvents(order),
          );
          succeeded = false;
        }
        expect(defaultOrderProcess.can(order, event)).toBe(succeeded);
        expect(defaultOrderProcess.allowedEvents(order).includes(event as DefaultOrderEvent)).toBe(succeeded);
      }),
    );
  });
});
