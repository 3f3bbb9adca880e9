import type { CatalogCommandRepositories } from '@retailkit/catalog';
import type { ConformanceCase } from '../conformance-case.js';
import { registerConformanceSuite, type SuiteOptions } from '../run-storage-conformance.js';
import { catalogBarcodeCases } from './catalog-barcode-cases.js';
import { CATALOG_CONFORMANCE_IDS, type CatalogConformanceId } from './catalog-conformance-ids.js';
import { catalogPriceCases } from './catalog-price-cases.js';
import { catalogRecordCases } from './catalog-record-cases.js';
import { catalogRollbackCases } from './catalog-rollback-cases.js';
import { catalogSearchCases } from './catalog-search-cases.js';

const byId = new Map(
  [
    ...catalogRecordCases,
    ...catalogBarcodeCases,
    ...catalogSearchCases,
    ...catalogPriceCases,
    ...catalogRollbackCases,
  ].map((check) => [check.id, check]),
);

/**
 * Every catalog conformance check, in the order of {@link CATALOG_CONFORMANCE_IDS}. Each runs
 * through `createCatalog` (and, for the atomic operations, the repository) on a fresh adapter.
 */
export const catalogConformanceCases: readonly ConformanceCase<
  CatalogConformanceId,
  CatalogCommandRepositories
>[] = CATALOG_CONFORMANCE_IDS.map((id) => {
  const check = byId.get(id);
  if (!check) throw new Error(`catalog conformance check ${id} is not defined`);
  return check;
});

/**
 * Registers the catalog conformance suite with vitest, for an adapter that provides the catalog
 * repositories: round trips, barcode uniqueness under concurrency, optimistic versions, search
 * order and pagination, category subtrees, price validity and rollback.
 *
 * @example
 * ```ts
 * // my-adapter.catalog.test.ts
 * import { runCatalogConformance } from '@retailkit/testkit';
 * runCatalogConformance({ name: 'my-adapter', create: () => createMyStorage() });
 * ```
 */
export function runCatalogConformance<R extends CatalogCommandRepositories>(
  options: SuiteOptions<R, CatalogConformanceId>,
): void {
  registerConformanceSuite('catalog conformance', catalogConformanceCases, options);
}
