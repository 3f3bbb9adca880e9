import { InvalidTransitionError } from '@retailkit/core';
import type { TransferStatus } from '../storage/inventory-records.js';

/** What can happen to a transfer. */
export type TransferEvent = 'request' | 'approve' | 'ship' | 'receive' | 'cancel';

/**
 * The events each transfer state accepts. Receiving moves a transfer to `partially-received` or
 * `received` depending on what is still in transit; cancelling is only possible before it ships.
 */
export const TRANSFER_EVENTS: Readonly<Record<TransferStatus, readonly TransferEvent[]>> = {
  draft: ['request', 'cancel'],
  requested: ['approve', 'cancel'],
  approved: ['ship', 'cancel'],
  shipped: ['receive'],
  'partially-received': ['receive'],
  received: [],
  cancelled: [],
};

/** Whether a transfer in `status` accepts `event`. */
export function canTransfer(status: TransferStatus, event: TransferEvent): boolean {
  return TRANSFER_EVENTS[status].includes(event);
}

/** Throws an InvalidTransitionError when a transfer in `status` does not accept `event`. */
export function assertTransferCan(status: TransferStatus, event: TransferEvent): void {
  if (!canTransfer(status, event)) throw new InvalidTransitionError(status, event, TRANSFER_EVENTS[status]);
}
