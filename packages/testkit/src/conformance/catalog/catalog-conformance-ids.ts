/** The ids of the catalog conformance checks, in suite order. Stable: skip checks by them. */
export const CATALOG_CONFORMANCE_IDS = [
  'catalog.round-trip.records',
  'catalog.round-trip.odd-strings',
  'catalog.version.stale-put-conflicts',
  'catalog.version.stale-expected-version-refused',
  'catalog.version.concurrent-updates-lose-nothing',
  'catalog.category.move-repaths-subtree',
  'catalog.category.concurrent-moves-stay-a-tree',
  'catalog.barcode.unique-across-lengths',
  'catalog.barcode.concurrent-claims-one-wins',
  'catalog.barcode.repository-claim-is-atomic',
  'catalog.barcode.release-frees',
  'catalog.search.name-prefix-is-literal',
  'catalog.search.order-and-pagination',
  'catalog.search.pagination-property',
  'catalog.search.category-subtree',
  'catalog.price.validity-boundaries',
  'catalog.price.priority-and-stores',
  'catalog.price.overlap-refused',
  'catalog.price.concurrent-overlapping-sets-one-wins',
  'catalog.rollback.failed-command-leaves-nothing',
  'catalog.rollback.throw-leaves-nothing',
  'catalog.events.complete-and-ordered',
] as const;

/** The id of a catalog conformance check. */
export type CatalogConformanceId = (typeof CATALOG_CONFORMANCE_IDS)[number];
