import { ValidationError } from '@retailkit/core';
import type { OrderCommandContext, OrderStorageRepositories } from '../shared/orders-context.js';
import type { PaymentRecord, TenderKind } from '../storage/order-records.js';
import { inputMoney } from './order-money.js';

/** A payment as a command takes it. */
export interface TenderEntry {
  /** The caller's key for it. */
  readonly key: string;
  /** How it is paid. */
  readonly tender: TenderKind;
  /** The amount, a decimal string in the order's currency. */
  readonly amount: string;
  /** Cash handed over (cash only). */
  readonly tendered?: string | undefined;
  /** The terminal's or PSP's reference. */
  readonly reference?: string | null | undefined;
}

/** Where a payment's input sits, for naming its fields in errors. */
export interface TenderPlace {
  /** The prefix of its fields' paths: `''` or `payments.2.`. */
  readonly path: string;
  /** The command's input context, e.g. `orders.sell input`. */
  readonly context: string;
}

/**
 * A new payment record, authorised for `entry.amount` and captured too when `capture`. Cash
 * tendered over the amount records the change due; `tendered` on another tender, or below the
 * amount, is a ValidationError naming `<path>tendered`.
 */
export function newPayment<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  currency: string,
  entry: TenderEntry,
  capture: boolean,
  place: TenderPlace,
): PaymentRecord {
  const amount = inputMoney(entry.amount, currency, `${place.path}amount`, place.context);
  let tendered: string | null = null;
  let changeDue: string | null = null;
  if (entry.tendered !== undefined) {
    const path = `${place.path}tendered`;
    if (entry.tender !== 'cash') {
      throw new ValidationError([{ path, message: 'only cash is tendered' }], { context: place.context });
    }
    const handed = inputMoney(entry.tendered, currency, path, place.context);
    if (handed.lessThan(amount)) {
      throw new ValidationError([{ path, message: 'must be at least the amount' }], {
        context: place.context,
      });
    }
    tendered = handed.amount;
    changeDue = handed.subtract(amount).amount;
  }
  const zero = amount.subtract(amount).amount;
  const now = ctx.now.toISOString();
  return {
    id: ctx.ids.next(),
    key: entry.key,
    tender: entry.tender,
    amount: amount.amount,
    authorized: amount.amount,
    captured: capture ? amount.amount : zero,
    refunded: zero,
    tendered,
    changeDue,
    reference: entry.reference ?? null,
    status: capture ? 'captured' : 'authorized',
    refunds: [],
    createdAt: now,
    updatedAt: now,
  };
}
