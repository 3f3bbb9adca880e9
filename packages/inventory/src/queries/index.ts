export {
  type Availability,
  type AvailabilityTotals,
  getAvailability,
  getAvailabilityInput,
} from './get-availability.js';
export { getStockLevel, getStockLevelInput } from './get-stock-level.js';
export { getStockLevels, getStockLevelsInput } from './get-stock-levels.js';
export type { InventoryQueryOptions, InventoryQueryRunner } from './inventory-query-runner.js';
export { listStockMovements, listStockMovementsInput, type StockMovement } from './list-stock-movements.js';
