import { describe, expect, it } from 'vitest';
import { testLine, testOrder, testPayment } from '../../test/support/order-record-builder.js';
import { fulfilmentStatus, paymentStatus } from './derived-status.js';

const pay = (
  captured: string,
  refunded = '0.00',
  authorized = captured,
  status: 'authorized' | 'captured' = 'captured',
) => testPayment(`p-${captured}-${refunded}-${status}`, { authorized, captured, refunded, status });

describe('paymentStatus', () => {
  it.each([
    ['unpaid', '10.00', []],
    ['authorized', '10.00', [pay('0.00', '0.00', '10.00', 'authorized')]],
    ['partially-paid', '10.00', [pay('4.00')]],
    ['paid', '10.00', [pay('4.00'), pay('6.00')]],
    // 0.1 + 0.2 is not 0.3 in binary floats; the sum must still settle the order.
    ['paid', '0.30', [pay('0.10'), pay('0.20')]],
    ['partially-refunded', '10.00', [pay('10.00', '2.50')]],
    ['refunded', '10.00', [pay('4.00', '4.00'), pay('6.00', '6.00')]],
    ['paid', '0.00', []],
  ] as const)('is %s for a total of %s with payments %j', (expected, total, payments) => {
    expect(paymentStatus(testOrder({ total, payments: [...payments] }))).toBe(expected);
  });

  it('does not count a voided authorisation', () => {
    const voided = testPayment('p1', { authorized: '10.00', captured: '0.00', status: 'voided' });
    expect(paymentStatus(testOrder({ payments: [voided] }))).toBe('unpaid');
  });
});

describe('fulfilmentStatus', () => {
  const line = (quantity: string, fulfilled: string, returned = '0', cancelled = '0') =>
    testLine(`${quantity}-${fulfilled}-${returned}-${cancelled}`, {
      quantity,
      fulfilled,
      returned,
      cancelled,
    });

  it.each([
    ['unfulfilled', [line('2', '0')]],
    ['partially-fulfilled', [line('2', '1')]],
    ['partially-fulfilled', [line('1', '1'), line('1', '0')]],
    ['fulfilled', [line('1', '1'), line('3', '3')]],
    // Cancelled quantity is no longer owed.
    ['fulfilled', [line('3', '2', '0', '1')]],
    // Weighed goods: 1.250 kg ordered, 1.25 kg handed over.
    ['fulfilled', [line('1.250', '1.25')]],
    ['partially-returned', [line('2', '2', '1')]],
    ['returned', [line('2', '2', '2'), line('1', '0')]],
  ] as const)('is %s for lines %j', (expected, lines) => {
    expect(fulfilmentStatus(testOrder({ lines: [...lines] }))).toBe(expected);
  });
});
