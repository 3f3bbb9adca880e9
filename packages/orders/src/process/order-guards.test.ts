import { describe, expect, it } from 'vitest';
import {
  testFulfilment,
  testLine,
  testOrder,
  testPayment,
  testShipment,
} from '../../test/support/order-record-builder.js';
import { allDelivered, allShipped, fullyFulfilled, fullyPaid, nothingFulfilled } from './order-guards.js';

describe('order guards', () => {
  it('fullyPaid: captured covers the total, exactly; a concession refund owes nothing; a free order is paid', () => {
    const paid = (captured: string, refunded: string, total: string) =>
      fullyPaid(
        testOrder({ total, payments: [testPayment('p', { authorized: captured, captured, refunded })] }),
      );
    expect(paid('0.30', '0.00', '0.30')).toBe(true);
    expect(paid('10.00', '0.01', '10.00')).toBe(true);
    expect(paid('9.99', '0.00', '10.00')).toBe(false);
    expect(fullyPaid(testOrder({ total: '0.00' }))).toBe(true);
  });

  it('fullyFulfilled and nothingFulfilled compare each line with ordered minus cancelled', () => {
    const order = (fulfilled: string, cancelled: string) =>
      testOrder({
        lines: [testLine('1', { quantity: '3', fulfilled, cancelled }), testLine('2', { fulfilled: '1' })],
      });
    expect(fullyFulfilled(order('2', '1'))).toBe(true);
    expect(fullyFulfilled(order('2', '0'))).toBe(false);
    expect(nothingFulfilled(order('0', '0'))).toBe(false);
    expect(nothingFulfilled(testOrder())).toBe(true);
  });

  it('allShipped needs a delivery order, fully fulfilled, every fulfilment on a shipment; allDelivered every shipment delivered', () => {
    const base = {
      channel: 'delivery' as const,
      lines: [testLine('1', { quantity: '2', fulfilled: '2' })],
      fulfilments: [testFulfilment('f1', 's1', { '1': '1' }), testFulfilment('f2', 's2', { '1': '1' })],
      shipments: [testShipment('s1', 'delivered', ['f1']), testShipment('s2', 'in-transit', ['f2'])],
    };
    expect(allShipped(testOrder(base))).toBe(true);
    expect(allDelivered(testOrder(base))).toBe(false);
    expect(
      allDelivered(
        testOrder({
          ...base,
          shipments: base.shipments.map((s) => ({ ...s, status: 'delivered' as const })),
        }),
      ),
    ).toBe(true);
    expect(allShipped(testOrder({ ...base, channel: 'pickup' }))).toBe(false);
    expect(
      allShipped(
        testOrder({ ...base, fulfilments: [base.fulfilments[0]!, testFulfilment('f2', null, { '1': '1' })] }),
      ),
    ).toBe(false);
    expect(
      allShipped(testOrder({ ...base, lines: [testLine('1', { quantity: '3', fulfilled: '2' })] })),
    ).toBe(false);
  });
});
