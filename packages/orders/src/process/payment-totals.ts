import { Money } from '@retailkit/core';
import type { OrderRecord } from '../storage/order-records.js';

/** An order's payment sums in its currency, computed exactly with Money. */
export interface PaymentTotals {
  /** What the order costs. */
  readonly total: Money;
  /** Captured over all payments. */
  readonly captured: Money;
  /** Refunded over all payments. */
  readonly refunded: Money;
  /** Authorised and still open (neither captured nor voided). */
  readonly authorizedOpen: Money;
}

/**
 * Sums the order's payments. An authorisation holds what it has not captured yet, also after a
 * partial capture; a voided (or fully refunded) payment holds nothing.
 */
export function paymentTotals(order: OrderRecord): PaymentTotals {
  const { currency } = order;
  const of = (amount: string) => Money.of(amount, currency);
  return {
    total: of(order.totals.total),
    captured: Money.sum(
      order.payments.map((payment) => of(payment.captured)),
      currency,
    ),
    refunded: Money.sum(
      order.payments.map((payment) => of(payment.refunded)),
      currency,
    ),
    authorizedOpen: Money.sum(
      order.payments
        .filter((payment) => payment.status === 'authorized' || payment.status === 'captured')
        .map((payment) => of(payment.authorized).subtract(of(payment.captured))),
      currency,
    ),
  };
}
