export { auditCommands } from './audit-commands.js';
export {
  auditStock,
  type StockAudit,
  type StockAuditFilter,
  type StockAuditWithCorrections,
  type StockBalanceField,
  type StockCorrection,
  type StockDrift,
} from './audit-stock.js';
export { AUDIT_PAGE_SIZE, eachPage } from './each-page.js';
export { type ExpectedBalances, expectedBalances, ItemScales } from './expected-balances.js';
export { rebuildStock, rebuildStockInput } from './rebuild-stock.js';
export { stockAuditInput } from './stock-audit-input.js';
export { verifyStock } from './verify-stock.js';
