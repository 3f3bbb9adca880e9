export { catalogPricing } from './catalog-pricing.js';
export {
  createRetailKit,
  type RetailKit,
  type RetailKitOptions,
  type RetailKitRepositories,
} from './create-retail-kit.js';
export { inventoryStockHooks, type KitRepositories } from './inventory-stock-hooks.js';
