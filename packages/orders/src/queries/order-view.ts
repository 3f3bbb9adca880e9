import { paymentAmounts } from '../payments/payment-amounts.js';
import {
  type FulfilmentStatus,
  fulfilmentStatus,
  type PaymentStatus,
  paymentStatus,
} from '../process/derived-status.js';
import type { OrderProcess } from '../process/order-process.js';
import type { OrderRecord } from '../storage/order-records.js';

/** An order as commands and queries return it: the record with its derived statuses and balances. */
export interface OrderView extends OrderRecord {
  /** Derived from payments against the total. */
  readonly paymentStatus: PaymentStatus;
  /** Derived from the lines' fulfilled and returned quantities. */
  readonly fulfilmentStatus: FulfilmentStatus;
  /** What the customer still owes (total − returns − net captured). */
  readonly balanceDue: string;
  /** What the customer is owed back (captured beyond the goods kept, not yet refunded). */
  readonly refundDue: string;
  /** What can still be refunded (captured − refunded). */
  readonly refundable: string;
  /** The process events that would succeed now. */
  readonly allowedEvents: readonly string[];
}

/** The view of an order record. */
export function toOrderView(order: OrderRecord, process: OrderProcess): OrderView {
  const amounts = paymentAmounts(order);
  return {
    ...order,
    paymentStatus: paymentStatus(order),
    fulfilmentStatus: fulfilmentStatus(order),
    balanceDue: amounts.balanceDue.amount,
    refundDue: amounts.refundDue.amount,
    refundable: amounts.refundable.amount,
    allowedEvents: [...process.allowedEvents(order)],
  };
}
