import type { OrderRecord } from '../storage/order-records.js';
import { lineQuantities } from './line-quantities.js';
import { paymentTotals } from './payment-totals.js';

/** Where an order's money stands, derived from its payments. */
export type PaymentStatus =
  | 'unpaid'
  | 'authorized'
  | 'partially-paid'
  | 'paid'
  | 'partially-refunded'
  | 'refunded';

/** Where an order's goods stand, derived from its lines. */
export type FulfilmentStatus =
  | 'unfulfilled'
  | 'partially-fulfilled'
  | 'fulfilled'
  | 'partially-returned'
  | 'returned';

/**
 * The payment status: refunds first (all of the captured money back is `refunded`), then captured
 * against the total, then open authorisations. An order that costs nothing is `paid`, as the
 * process's `fullyPaid` guard treats it.
 */
export function paymentStatus(order: OrderRecord): PaymentStatus {
  const { total, captured, refunded, authorizedOpen } = paymentTotals(order);
  if (refunded.isPositive()) return refunded.greaterThanOrEqual(captured) ? 'refunded' : 'partially-refunded';
  if (captured.greaterThanOrEqual(total)) return 'paid';
  if (captured.isPositive()) return 'partially-paid';
  return authorizedOpen.isPositive() ? 'authorized' : 'unpaid';
}

/**
 * The fulfilment status per line: returns first (all fulfilled goods back is `returned`), then
 * fulfilled against ordered − cancelled.
 */
export function fulfilmentStatus(order: OrderRecord): FulfilmentStatus {
  const lines = order.lines.map(lineQuantities);
  if (lines.some((line) => line.returned > 0n)) {
    return lines.every((line) => line.returned >= line.fulfilled) ? 'returned' : 'partially-returned';
  }
  if (!lines.some((line) => line.fulfilled > 0n)) return 'unfulfilled';
  return lines.every((line) => line.fulfilled >= line.due) ? 'fulfilled' : 'partially-fulfilled';
}
