/** The ids of the inventory conformance checks, in suite order. Stable: skip checks by them. */
export const INVENTORY_CONFORMANCE_IDS = [
  'inventory.reservation.no-oversell-under-concurrency',
  'inventory.reservation.lines-of-one-sku-checked-together',
  'inventory.rollback.short-line-changes-nothing',
  'inventory.rollback.invalid-input-changes-nothing',
  'inventory.reservation.commit-and-release-keep-the-ledger',
  'inventory.reservation.expiry-at-the-instant',
  'inventory.transfer.conserves-quantity',
  'inventory.transfer.cancel-only-before-shipping',
  'inventory.purchase-order.incoming-and-average-cost',
  'inventory.count.posted-while-sales-continue',
  'inventory.alert.low-stock-once-per-crossing',
  'inventory.ledger.pagination-complete-and-ordered',
  'inventory.ledger.filters-by-reason-and-period',
  'inventory.concurrency.mixed-commands-lose-nothing',
  'inventory.strings.round-trip-verbatim',
  'inventory.strings.ids-compare-exactly',
  'inventory.model.random-command-sequences',
] as const;

/** The id of an inventory conformance check. */
export type InventoryConformanceId = (typeof INVENTORY_CONFORMANCE_IDS)[number];
