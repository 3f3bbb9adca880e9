export * from './audit/index.js';
export * from './counts/index.js';
export {
  createInventory,
  type Inventory,
  type InventoryOptions,
  inventoryCommands,
  inventoryQueries,
} from './create-inventory.js';
export { registerItem, registerItemInput } from './items/register-item.js';
export { defineLocation, defineLocationInput } from './locations/define-location.js';
export * from './purchase-orders/index.js';
export * from './queries/index.js';
export * from './replenishment/index.js';
export * from './reports/index.js';
export * from './reservations/index.js';
export type { InventoryCommandContext, InventoryStorageRepositories } from './shared/inventory-context.js';
export { pageRequestSchema } from './shared/inventory-schemas.js';
export { AVERAGE_COST_SCALE, type CostedArrival, movingAverageCost } from './stock/moving-average-cost.js';
export {
  type MovementDraft,
  type PostedLevel,
  type PostOptions,
  postStockChanges,
  type Shortage,
  type StockChange,
} from './stock/post-stock-changes.js';
export { emptyLevel, type StockLevel, toStockLevel } from './stock/stock-level-view.js';
export { stockStream } from './stock/stock-stream.js';
export { formatUnits, toUnits } from './stock/stock-units.js';
export * from './stock-commands/index.js';
export type * from './storage/inventory-records.js';
export type * from './storage/inventory-repository.js';
export * from './transfers/index.js';
