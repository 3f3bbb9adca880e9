import { Money } from '@retailkit/core';
import { paymentTotals } from '../process/payment-totals.js';
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
  const { total, captured, refunded, authorizedOpen } = paymentTotals(order);
  const returned = Money.sum(
    order.returns.map((ret) => Money.of(ret.amount, currency)),
    currency,
  );
  const owed = total.subtract(returned).subtract(captured.subtract(refunded));
  const balanceDue = owed.isNegative() ? zero : owed;
  const authorizable = balanceDue.subtract(authorizedOpen);
  return {
    captured,
    refunded,
    pendingAuthorization: authorizedOpen,
    returned,
    balanceDue,
    authorizable: authorizable.isNegative() ? zero : authorizable,
    refundable: captured.subtract(refunded),
  };
}
