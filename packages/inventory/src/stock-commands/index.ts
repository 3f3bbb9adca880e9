import { adjustStock } from './adjust-stock.js';
import { recordReturn } from './record-return.js';
import { recordSale } from './record-sale.js';
import { setStockPolicy } from './set-stock-policy.js';
import { writeOffStock } from './write-off-stock.js';

export { adjustStock, adjustStockInput } from './adjust-stock.js';
export { recordReturn, recordReturnInput } from './record-return.js';
export { recordSale, recordSaleInput } from './record-sale.js';
export { setStockPolicy, setStockPolicyInput } from './set-stock-policy.js';
export type { StockCommandResult } from './stock-command-result.js';
export { writeOffStock, writeOffStockInput } from './write-off-stock.js';

/** The direct stock commands: sales without reservation, returns, adjustments, write-offs, policy. */
export const stockCommands = {
  recordSale,
  recordReturn,
  adjustStock,
  writeOffStock,
  setStockPolicy,
} as const;
