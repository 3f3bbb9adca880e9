import type { CommandRunner } from '@retailkit/core';
import type { CatalogCommandRepositories } from '../catalog-command.js';
import type { CatalogQueryOptions } from './catalog-query-options.js';

/**
 * A catalog read, run through a runner: validates `input`, authorises the actor for `catalog.read`
 * (in the store, for a store-bound read) and reads in a read-only transaction. {@link createCatalog}
 * binds each of {@link catalogQueries} to its runner.
 *
 * @example
 * ```ts
 * const sku = await catalogQueries.getSku(runner, { sku: 'TEE-M' }, { actor });
 * ```
 */
export type CatalogQuery<I, T> = (
  runner: CommandRunner<CatalogCommandRepositories>,
  input: I,
  options: CatalogQueryOptions,
) => Promise<T>;
