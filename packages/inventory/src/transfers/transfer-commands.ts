import { approveTransfer } from './approve-transfer.js';
import { cancelTransfer } from './cancel-transfer.js';
import { createTransfer } from './create-transfer.js';
import { receiveTransfer } from './receive-transfer.js';
import { requestTransfer } from './request-transfer.js';
import { shipTransfer } from './ship-transfer.js';

/** Every transfer command, ready for `bindCommands`. */
export const transferCommands = {
  createTransfer,
  requestTransfer,
  approveTransfer,
  shipTransfer,
  receiveTransfer,
  cancelTransfer,
} as const;
