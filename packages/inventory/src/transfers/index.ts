export { approveTransfer, approveTransferInput } from './approve-transfer.js';
export { cancelTransfer, cancelTransferInput } from './cancel-transfer.js';
export { createTransfer, createTransferInput } from './create-transfer.js';
export { getTransfer, getTransferInput } from './get-transfer.js';
export { listTransfers, listTransfersInput, transferStatusSchema } from './list-transfers.js';
export {
  receiveTransfer,
  receiveTransferInput,
  type TransferReceipt,
  type TransferReceivedLine,
} from './receive-transfer.js';
export { requestTransfer, requestTransferInput } from './request-transfer.js';
export { shipTransfer, shipTransferInput } from './ship-transfer.js';
export { transferCommands } from './transfer-commands.js';
export { transferInTransit, transferSettled } from './transfer-in-transit.js';
export { type TransferEventLine, type TransferEventPayload, transferStream } from './transfer-payload.js';
export { transferRefInput } from './transfer-ref-input.js';
export { canTransfer, TRANSFER_EVENTS, type TransferEvent } from './transfer-transitions.js';
