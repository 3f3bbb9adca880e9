import { defineCommand } from '@retailkit/core';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import type { TransferRecord } from '../storage/inventory-records.js';
import { changeTransferStatus } from './change-transfer-status.js';
import { transferRefInput } from './transfer-ref-input.js';

/** Input of {@link requestTransfer}. */
export const requestTransferInput = transferRefInput;

/** Submits a draft transfer for approval: draft → requested. Emits `inventory.transfer-requested`. */
export const requestTransfer = defineCommand({
  name: 'inventory.request-transfer',
  permission: 'inventory.transfer',
  input: requestTransferInput,
  storeId: (input) => [input.fromLocationId, input.toLocationId],
  handler: (ctx: InventoryCommandContext, input): Promise<TransferRecord> =>
    changeTransferStatus(ctx, input, {
      event: 'request',
      status: 'requested',
      eventType: 'inventory.transfer-requested',
    }),
});
