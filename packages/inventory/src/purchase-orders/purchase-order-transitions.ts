import { InvalidTransitionError } from '@retailkit/core';
import type { PurchaseOrderStatus } from '../storage/inventory-records.js';

/** What can happen to a purchase order. */
export type PurchaseOrderEvent = 'edit' | 'order' | 'receive' | 'close' | 'cancel';

/**
 * The events each purchase order state accepts. Receiving moves an order to `partially-received` or
 * `received` depending on what is still outstanding, so the table lists events rather than targets.
 */
export const PURCHASE_ORDER_EVENTS: Readonly<Record<PurchaseOrderStatus, readonly PurchaseOrderEvent[]>> = {
  draft: ['edit', 'order', 'cancel'],
  ordered: ['receive', 'close', 'cancel'],
  'partially-received': ['receive', 'close'],
  received: [],
  closed: [],
  cancelled: [],
};

/** Whether a purchase order in `status` accepts `event`. */
export function canPurchaseOrder(status: PurchaseOrderStatus, event: PurchaseOrderEvent): boolean {
  return PURCHASE_ORDER_EVENTS[status].includes(event);
}

/** Throws an InvalidTransitionError when a purchase order in `status` does not accept `event`. */
export function assertPurchaseOrderCan(status: PurchaseOrderStatus, event: PurchaseOrderEvent): void {
  if (!canPurchaseOrder(status, event)) {
    throw new InvalidTransitionError(status, event, PURCHASE_ORDER_EVENTS[status]);
  }
}
