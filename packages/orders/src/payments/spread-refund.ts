import { Money } from '@retailkit/core';
import type { OrderRecord, PaymentRecord } from '../storage/order-records.js';

/** What one refund records on each payment it touches. */
export interface RefundEntry {
  /** The caller's key. */
  readonly key: string;
  /** The return it settles, if any. */
  readonly returnId: string | null;
  /** When (ISO-8601 UTC). */
  readonly at: string;
}

/** A refund spread over payments: the payments as changed, the parts taken, and what none could take. */
export interface SpreadRefund {
  /** The order's payments, the refunded ones changed. */
  readonly payments: readonly PaymentRecord[];
  /** The part taken from each payment touched, in order. */
  readonly parts: readonly { readonly paymentId: string; readonly amount: string }[];
  /** What is left when the candidates held less than the amount (zero otherwise). */
  readonly left: Money;
}

/**
 * Refunds `amount` from `candidates` (payments of `order`, in the order to draw from), each up to
 * what it captured and has not refunded. A payment refunded in full, with nothing authorised left
 * to capture, becomes `refunded`.
 */
export function spreadRefund(
  order: OrderRecord,
  amount: Money,
  candidates: readonly PaymentRecord[],
  entry: RefundEntry,
): SpreadRefund {
  const of = (value: string) => Money.of(value, order.currency);
  let left = amount;
  const changed = new Map<string, PaymentRecord>();
  const parts: { paymentId: string; amount: string }[] = [];
  for (const payment of candidates) {
    if (left.isZero()) break;
    const captured = of(payment.captured);
    const room = captured.subtract(of(payment.refunded));
    if (!room.isPositive()) continue;
    const part = left.lessThan(room) ? left : room;
    left = left.subtract(part);
    const refunded = of(payment.refunded).add(part);
    changed.set(payment.key, {
      ...payment,
      refunded: refunded.amount,
      status:
        refunded.equals(captured) && payment.authorized === payment.captured ? 'refunded' : payment.status,
      refunds: [
        ...payment.refunds,
        { key: entry.key, amount: part.amount, returnId: entry.returnId, at: entry.at },
      ],
      updatedAt: entry.at,
    });
    parts.push({ paymentId: payment.id, amount: part.amount });
  }
  return { payments: order.payments.map((payment) => changed.get(payment.key) ?? payment), parts, left };
}
