import { Money } from '@retailkit/core';
import type { OrderRecord } from '../storage/order-records.js';

/** The money of an order's payments, summed exactly. */
export interface PaymentAmounts {
  /** Σ captured. */
  readonly captured: Money;
  /** Σ refunded. */
  readonly refunded: Money;
  /** Authorised and not yet captured (nor voided). */
  readonly pendingAuthorization: Money;
  /** Σ of the returns' amounts: what returned goods are worth. */
  readonly returned: Money;
  /** What the customer still owes: total − returned − (captured − refunded), never below zero. */
  readonly balanceDue: Money;
  /** What may still be authorised or captured anew: balance due − pending authorisations. */
  readonly authorizable: Money;
  /** What can be refunded: captured − refunded. */
  readonly refundable: Money;
}

/** Sums an order's payments and returns. */
export function paymentAmounts(order: OrderRecord): PaymentAmounts {
  const { currency } = order;
  const zero = Money.zero(currency);
  let captured = zero;
  let refunded = zero;
  let pending = zero;
  for (const payment of order.payments) {
    captured = captured.add(Money.of(payment.captured, currency));
    refunded = refunded.add(Money.of(payment.refunded, currency));
    if (payment.status === 'authorized' || payment.status === 'captured') {
      pending = pending.add(
        Money.of(payment.authorized, currency).subtract(Money.of(payment.captured, currency)),
      );
    }
  }
  let returned = zero;
  for (const ret of order.returns) returned = returned.add(Money.of(ret.amount, currency));
  const owed = Money.of(order.totals.total, currency)
    .subtract(returned)
    .subtract(captured.subtract(refunded));
  const balanceDue = owed.isNegative() ? zero : owed;
  const authorizable = balanceDue.subtract(pending);
  return {
    captured,
    refunded,
    pendingAuthorization: pending,
    returned,
    balanceDue,
    authorizable: authorizable.isNegative() ? zero : authorizable,
    refundable: captured.subtract(refunded),
  };
}
