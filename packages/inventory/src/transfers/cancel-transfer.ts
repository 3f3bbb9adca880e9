import { defineCommand } from '@retailkit/core';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import type { TransferRecord } from '../storage/inventory-records.js';
import { changeTransferStatus } from './change-transfer-status.js';
import { transferRefInput } from './transfer-ref-input.js';

/** Input of {@link cancelTransfer}. */
export const cancelTransferInput = transferRefInput;

/**
 * Cancels a transfer before it ships (draft, requested or approved → cancelled); nothing had moved
 * yet. A shipped transfer cannot be cancelled: receive it, reporting what is short. Emits
 * `inventory.transfer-cancelled`.
 */
export const cancelTransfer = defineCommand({
  name: 'inventory.cancel-transfer',
  permission: 'inventory.transfer',
  input: cancelTransferInput,
  storeId: (input) => [input.fromLocationId, input.toLocationId],
  handler: (ctx: InventoryCommandContext, input): Promise<TransferRecord> =>
    changeTransferStatus(ctx, input, {
      event: 'cancel',
      status: 'cancelled',
      eventType: 'inventory.transfer-cancelled',
    }),
});
