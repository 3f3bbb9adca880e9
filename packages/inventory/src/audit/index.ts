export { auditCommands } from './audit-commands.js';
export type {
  StockAudit,
  StockAuditFilter,
  StockAuditWithCorrections,
  StockBalanceField,
  StockCorrection,
  StockDrift,
} from './audit-stock.js';

export type { ExpectedBalances } from './expected-balances.js';
export { rebuildStock, rebuildStockInput } from './rebuild-stock.js';
export { stockAuditInput } from './stock-audit-input.js';
export { verifyStock } from './verify-stock.js';
