import { paymentAmounts } from '../payments/payment-amounts.js';
import type { OrderRecord } from '../storage/order-records.js';
import { lineQuantities } from './line-quantities.js';
import type { OrderGuard } from './order-process.js';

/** Nothing is owed for the goods kept (see `paymentAmounts`); an order that costs nothing is paid. */
export function fullyPaid(order: OrderRecord): boolean {
  return paymentAmounts(order).balanceDue.isZero();
}

/** Every line has had all of its quantity not cancelled handed over or shipped. */
export function fullyFulfilled(order: OrderRecord): boolean {
  return order.lines.every((line) => {
    const { due, fulfilled } = lineQuantities(line);
    return fulfilled >= due;
  });
}

/** No line has had anything handed over or shipped. */
export function nothingFulfilled(order: OrderRecord): boolean {
  return order.fulfilments.length === 0 && order.lines.every((line) => lineQuantities(line).fulfilled === 0n);
}

/** The order is shipped to the customer. */
export function isDelivery(order: OrderRecord): boolean {
  return order.channel === 'delivery';
}

/** The customer collects the order. */
export function isPickup(order: OrderRecord): boolean {
  return order.channel === 'pickup';
}

/** The customer takes the goods at the till. */
export function isInStore(order: OrderRecord): boolean {
  return order.channel === 'in-store';
}

/**
 * A delivery order, fully fulfilled, whose every fulfilment is on a shipment. Only delivery orders
 * ship, so this implies {@link isDelivery}: the table's "isDelivery and allShipped" is this one guard.
 */
export function allShipped(order: OrderRecord): boolean {
  return (
    isDelivery(order) &&
    fullyFulfilled(order) &&
    order.fulfilments.every((fulfilment) => fulfilment.shipmentId !== null)
  );
}

/** Everything is shipped ({@link allShipped}) and every shipment is delivered. */
export function allDelivered(order: OrderRecord): boolean {
  return allShipped(order) && order.shipments.every((shipment) => shipment.status === 'delivered');
}

/** The guards of the default order process, by the names its table uses. */
export const orderGuards = Object.freeze({
  fullyPaid,
  fullyFulfilled,
  nothingFulfilled,
  isDelivery,
  isPickup,
  isInStore,
  allShipped,
  allDelivered,
} satisfies Record<string, OrderGuard>);

/** The name of a guard of the default order process. */
export type DefaultOrderGuard = keyof typeof orderGuards;
