import { Money } from '@retailkit/core';
import { returnShare } from '../pricing/refund-share.js';
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
  /** What the customer still owes for the goods kept, never below zero. */
  readonly balanceDue: Money;
  /** What may still be authorised or captured anew: balance due − pending authorisations. */
  readonly authorizable: Money;
  /** What the customer is owed back: captured and not refunded, beyond what the kept goods cost. */
  readonly refundDue: Money;
  /** What can be refunded: captured − refunded. */
  readonly refundable: Money;
}

/** What the order's cancelled units are worth: each line's allocated total for them. */
function cancelledValue(order: OrderRecord): Money {
  const { currency } = order;
  let value = Money.zero(currency);
  for (const line of order.lines) {
    if (!/[1-9]/.test(line.cancelled)) continue;
    // Counted after what came back, so a line cancelled and returned in full adds up to its total.
    const share = returnShare(line, line.cancelled, currency);
    value = value.add(Money.of(share.net, currency)).add(Money.of(share.tax, currency));
  }
  return value;
}

/**
 * Sums an order's payments, returns and cancellations. What the customer owes is the total less
 * what was cancelled and returned, less what was captured and not refunded for a return; a refund
 * that settles no return is a concession (goodwill) and leaves nothing owed.
 */
export function paymentAmounts(order: OrderRecord): PaymentAmounts {
  const { currency } = order;
  const zero = Money.zero(currency);
  const { total, captured, refunded, authorizedOpen } = paymentTotals(order);
  const returned = Money.sum(
    order.returns.map((ret) => Money.of(ret.amount, currency)),
    currency,
  );
  const refundedForReturns = Money.sum(
    order.payments.flatMap((payment) =>
      payment.refunds
        .filter((refund) => refund.returnId !== null)
        .map((refund) => Money.of(refund.amount, currency)),
    ),
    currency,
  );
  const chargeable = total.subtract(cancelledValue(order)).subtract(returned);
  const owed = chargeable.subtract(captured).add(refundedForReturns);
  const balanceDue = owed.isNegative() ? zero : owed;
  const over = captured.subtract(refunded).subtract(chargeable);
  const authorizable = balanceDue.subtract(authorizedOpen);
  return {
    captured,
    refunded,
    pendingAuthorization: authorizedOpen,
    returned,
    balanceDue,
    refundDue: over.isPositive() ? over : zero,
    authorizable: authorizable.isNegative() ? zero : authorizable,
    refundable: captured.subtract(refunded),
  };
}
