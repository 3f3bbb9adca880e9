import {
  type BoundCommands,
  type BoundQueries,
  bindCommands,
  bindQueries,
  type CommandRunner,
} from '@retailkit/core';
import { auditCommands } from './audit/audit-commands.js';
import { verifyStock } from './audit/verify-stock.js';
import { countCommands } from './counts/count-commands.js';
import { countVarianceReport } from './counts/count-variance-report.js';
import { getCount } from './counts/get-count.js';
import { listCounts } from './counts/list-counts.js';
import { registerItem } from './items/register-item.js';
import { defineLocation } from './locations/define-location.js';
import { getPurchaseOrder } from './purchase-orders/get-purchase-order.js';
import { listPurchaseOrders } from './purchase-orders/list-purchase-orders.js';
import { purchaseOrderCommands } from './purchase-orders/purchase-order-commands.js';
import { getAvailability } from './queries/get-availability.js';
import { getStockLevel } from './queries/get-stock-level.js';
import { getStockLevels } from './queries/get-stock-levels.js';
import { listStockMovements } from './queries/list-stock-movements.js';
import { listReorderRules } from './replenishment/list-reorder-rules.js';
import { listSuggestions } from './replenishment/list-suggestions.js';
import { replenishmentCommands } from './replenishment/replenishment-commands.js';
import { daysOfCoverReport } from './reports/days-of-cover-report.js';
import { inventoryValueReport } from './reports/inventory-value-report.js';
import { lowStockReport } from './reports/low-stock-report.js';
import { stockOnHandReport } from './reports/stock-on-hand-report.js';
import type { AllocationStrategy } from './reservations/allocation-strategy.js';
import { commitReservation } from './reservations/commit-reservation.js';
import { expireReservations } from './reservations/expire-reservations.js';
import { getReservation } from './reservations/get-reservation.js';
import { listReservations } from './reservations/list-reservations.js';
import { releaseReservation } from './reservations/release-reservation.js';
import { createReserveCommand } from './reservations/reserve-stock.js';
import type { InventoryStorageRepositories } from './shared/inventory-context.js';
import { stockCommands } from './stock-commands/index.js';
import { getTransfer } from './transfers/get-transfer.js';
import { listTransfers } from './transfers/list-transfers.js';
import { transferCommands } from './transfers/transfer-commands.js';

/** Options of {@link createInventory}. */
export interface InventoryOptions<R extends InventoryStorageRepositories> {
  /** The command runner (storage, policy, clock, ids) every command and query goes through. */
  readonly runner: CommandRunner<R>;
  /**
   * How `reserveStock` places demand across locations. Defaults to the order's store
   * (`storeAllocation`); `splitByAvailability` takes stock from `preference` locations in order.
   */
  readonly allocation?: AllocationStrategy;
}

/**
 * Every inventory command, with `reserveStock` built for the given allocation strategy (the order's
 * store when omitted). Run them with your own runner, or use {@link createInventory}.
 */
export function inventoryCommands(allocation?: AllocationStrategy) {
  return {
    defineLocation,
    registerItem,
    reserveStock: createReserveCommand(allocation ? { allocate: allocation } : {}),
    releaseReservation,
    commitReservation,
    expireReservations,
    ...stockCommands,
    ...purchaseOrderCommands,
    ...transferCommands,
    ...countCommands,
    ...replenishmentCommands,
    ...auditCommands,
  } as const;
}

/** Every inventory query, written as `(runner, input, { actor })`. */
export const inventoryQueries = {
  getStockLevel,
  getStockLevels,
  getAvailability,
  listStockMovements,
  getReservation,
  listReservations,
  getPurchaseOrder,
  listPurchaseOrders,
  getTransfer,
  listTransfers,
  getCount,
  listCounts,
  countVarianceReport,
  listReorderRules,
  listSuggestions,
  stockOnHandReport,
  inventoryValueReport,
  lowStockReport,
  daysOfCoverReport,
  verifyStock,
} as const;

/** The inventory module: one method per command (`(input, { actor, idempotencyKey? })`) and per query (`(input, { actor })`). */
export type Inventory = BoundCommands<ReturnType<typeof inventoryCommands>> &
  BoundQueries<typeof inventoryQueries>;

/**
 * Creates the inventory module over a command runner: multi-store stock that never oversells,
 * with reservations, purchase orders, transfers, counts, reorder rules and reports. Every command
 * is validated, authorised and run in one transaction with its ledger entries and outbox events.
 *
 * @example
 * ```ts
 * const runner = createCommandRunner({ storage: createMemoryStorage() });
 * const inventory = createInventory({ runner });
 * await inventory.reserveStock(
 *   { reference: 'order-1', locationId: 'berlin', lines: [{ sku: 'tea', quantity: 2 }] },
 *   { actor },
 * );
 * ```
 */
export function createInventory<R extends InventoryStorageRepositories>(
  options: InventoryOptions<R>,
): Inventory {
  return Object.freeze({
    ...bindCommands(options.runner, inventoryCommands(options.allocation)),
    ...bindQueries(options.runner as CommandRunner<InventoryStorageRepositories>, inventoryQueries),
  });
}
