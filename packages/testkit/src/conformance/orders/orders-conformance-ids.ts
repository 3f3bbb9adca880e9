/** The ids of the orders storage conformance checks, in suite order. Stable: skip checks by them. */
export const ORDERS_CONFORMANCE_IDS = [
  'orders.insert-get-roundtrip',
  'orders.get-unknown-is-undefined',
  'orders.insert-duplicate-id-conflicts',
  'orders.update-stale-version-conflicts',
  'orders.update-bumps-are-visible',
  'orders.rollback-leaves-nothing',
  'orders.list-filters',
  'orders.list-pages-newest-first',
  'orders.history-append-and-list',
  'orders.history-duplicate-sequence-conflicts',
  'orders.concurrent-updates-lose-nothing',
] as const;

/** The id of an orders storage conformance check. */
export type OrdersConformanceId = (typeof ORDERS_CONFORMANCE_IDS)[number];
