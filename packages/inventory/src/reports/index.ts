export {
  type DaysOfCoverReport,
  type DaysOfCoverRow,
  daysOfCoverReport,
  daysOfCoverReportInput,
} from './days-of-cover-report.js';
export {
  type InventoryValueReport,
  inventoryValueReport,
  inventoryValueReportInput,
  type LocationInventoryValue,
} from './inventory-value-report.js';
export { type LowStockRow, lowStockReport, lowStockReportInput } from './low-stock-report.js';
export { type StockOnHandReport, stockOnHandReport, stockOnHandReportInput } from './stock-on-hand-report.js';
export type { CategoryStock, LocationStockSummary, StockFigures } from './stock-summary.js';
export type { UnitTotal } from './unit-totals.js';
