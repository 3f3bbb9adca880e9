export { FakeClock, sequentialIds } from '@retailkit/core';
export { rejection } from './assertions/rejection.js';
export { thrownBy } from './assertions/thrown-by.js';
export { validationPaths } from './assertions/validation-paths.js';
export { aCashier, aClerk, aManager, anActor } from './builders/actors.js';
export { aDomainEvent } from './builders/events.js';
export {
  CATALOG_CONFORMANCE_IDS,
  type CatalogConformanceId,
} from './conformance/catalog/catalog-conformance-ids.js';
export {
  catalogConformanceCases,
  runCatalogConformance,
} from './conformance/catalog/run-catalog-conformance.js';
export type { ConformanceCase, ConformanceContext } from './conformance/conformance-case.js';
export { CORE_CONFORMANCE_IDS, type CoreConformanceId } from './conformance/core-cases.js';
export {
  INVENTORY_CONFORMANCE_IDS,
  type InventoryConformanceId,
} from './conformance/inventory/inventory-conformance-ids.js';
export {
  inventoryConformanceCases,
  runInventoryConformance,
} from './conformance/inventory/run-inventory-conformance.js';
export type { OrdersStorageRepositories } from './conformance/orders/orders-case-helpers.js';
export {
  ORDERS_CONFORMANCE_IDS,
  type OrdersConformanceId,
} from './conformance/orders/orders-conformance-ids.js';
export {
  ordersConformanceCases,
  runOrdersConformance,
} from './conformance/orders/run-orders-conformance.js';
export { OUTBOX_CONFORMANCE_IDS, type OutboxConformanceId } from './conformance/outbox-cases.js';
export {
  type ConformanceTestId,
  conformanceCases,
  registerConformanceSuite,
  runConformanceCase,
  runStorageConformance,
  type StorageConformanceOptions,
  type SuiteOptions,
} from './conformance/run-storage-conformance.js';
