import type { ConformanceCase } from '../conformance-case.js';
import { registerConformanceSuite, type SuiteOptions } from '../run-storage-conformance.js';
import type { OrdersStorageRepositories } from './orders-case-helpers.js';
import { ordersConcurrencyCases } from './orders-concurrency-cases.js';
import { ORDERS_CONFORMANCE_IDS, type OrdersConformanceId } from './orders-conformance-ids.js';
import { ordersHistoryCases } from './orders-history-cases.js';
import { ordersListingCases } from './orders-listing-cases.js';
import { ordersRecordCases } from './orders-record-cases.js';

const byId = new Map(
  [...ordersRecordCases, ...ordersListingCases, ...ordersHistoryCases, ...ordersConcurrencyCases].map(
    (check) => [check.id, check],
  ),
);

/**
 * Every orders storage conformance check, in the order of {@link ORDERS_CONFORMANCE_IDS}. The
 * checks drive the orders repository directly (and through the runner for concurrency), so they
 * prove the storage port's contract on its own.
 */
export const ordersConformanceCases: readonly ConformanceCase<
  OrdersConformanceId,
  OrdersStorageRepositories
>[] = ORDERS_CONFORMANCE_IDS.map((id) => {
  const check = byId.get(id);
  if (!check) throw new Error(`orders conformance check ${id} is not defined`);
  return check;
});

/**
 * Registers the orders storage conformance suite with vitest, for an adapter that provides the
 * orders repository: exact round trips of whole orders, versioned updates that refuse stale
 * writes, all-or-nothing transactions, filtered newest-first keyset paging, an append-only
 * history, and no lost update under parallel commands.
 *
 * @example
 * ```ts
 * // my-adapter.orders.test.ts
 * import { runOrdersConformance } from '@retailkit/testkit';
 * runOrdersConformance({ name: 'my-adapter', create: () => createMyStorage() });
 * ```
 */
export function runOrdersConformance<R extends OrdersStorageRepositories>(
  options: SuiteOptions<R, OrdersConformanceId>,
): void {
  registerConformanceSuite('orders conformance', ordersConformanceCases, options);
}
