import type { InventoryStorageRepositories } from '@retailkit/inventory';
import type { ConformanceCase } from '../conformance-case.js';
import { registerConformanceSuite, type SuiteOptions } from '../run-storage-conformance.js';
import { inventoryAlertCases } from './inventory-alert-cases.js';
import { inventoryConcurrencyCases } from './inventory-concurrency-cases.js';
import { INVENTORY_CONFORMANCE_IDS, type InventoryConformanceId } from './inventory-conformance-ids.js';
import { inventoryCountCases } from './inventory-count-cases.js';
import { inventoryLedgerCases } from './inventory-ledger-cases.js';
import { inventoryModelCases } from './inventory-model.js';
import { inventoryPurchaseOrderCases } from './inventory-purchase-order-cases.js';
import { inventoryReservationCases } from './inventory-reservation-cases.js';
import { inventoryRollbackCases } from './inventory-rollback-cases.js';
import { inventoryStringCases } from './inventory-string-cases.js';
import { inventoryTransferCases } from './inventory-transfer-cases.js';

const byId = new Map(
  [
    ...inventoryReservationCases,
    ...inventoryRollbackCases,
    ...inventoryTransferCases,
    ...inventoryPurchaseOrderCases,
    ...inventoryCountCases,
    ...inventoryAlertCases,
    ...inventoryLedgerCases,
    ...inventoryConcurrencyCases,
    ...inventoryStringCases,
    ...inventoryModelCases,
  ].map((check) => [check.id, check]),
);

/**
 * Every inventory conformance check, in the order of {@link INVENTORY_CONFORMANCE_IDS}. Each runs
 * through `createInventory` over the check's runner on a fresh adapter, so it proves what users
 * get, never an adapter's internals.
 */
export const inventoryConformanceCases: readonly ConformanceCase<
  InventoryConformanceId,
  InventoryStorageRepositories
>[] = INVENTORY_CONFORMANCE_IDS.map((id) => {
  const check = byId.get(id);
  if (!check) throw new Error(`inventory conformance check ${id} is not defined`);
  return check;
});

/**
 * Registers the inventory conformance suite with vitest, for an adapter that provides the
 * inventory repositories: no oversell under concurrency, all-or-nothing commands, conservation
 * through transfers, exact costs, counts during trading, alerts once per crossing, complete ledger
 * paging, verbatim strings, and model-based random command sequences checked after every step.
 *
 * @example
 * ```ts
 * // my-adapter.inventory.test.ts
 * import { runInventoryConformance } from '@retailkit/testkit';
 * runInventoryConformance({ name: 'my-adapter', create: () => createMyStorage() });
 * ```
 */
export function runInventoryConformance<R extends InventoryStorageRepositories>(
  options: SuiteOptions<R, InventoryConformanceId>,
): void {
  registerConformanceSuite('inventory conformance', inventoryConformanceCases, options);
}
