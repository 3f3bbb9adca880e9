import { defineCommand } from '@retailkit/core';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import type { TransferRecord } from '../storage/inventory-records.js';
import { changeTransferStatus } from './change-transfer-status.js';
import { transferRefInput } from './transfer-ref-input.js';

/** Input of {@link approveTransfer}. */
export const approveTransferInput = transferRefInput;

/**
 * Approves a requested transfer so it may ship: requested → approved (permission
 * `inventory.approve-transfer`, a manager's). Emits `inventory.transfer-approved`.
 */
export const approveTransfer = defineCommand({
  name: 'inventory.approve-transfer',
  permission: 'inventory.approve-transfer',
  input: approveTransferInput,
  storeId: (input) => [input.fromLocationId, input.toLocationId],
  handler: (ctx: InventoryCommandContext, input): Promise<TransferRecord> =>
    changeTransferStatus(ctx, input, {
      event: 'approve',
      status: 'approved',
      eventType: 'inventory.transfer-approved',
    }),
});
