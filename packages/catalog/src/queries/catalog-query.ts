import type { Permission } from '@retailkit/core';
import type { z } from 'zod';
import type { CatalogRepositories } from '../catalog-repository.js';

/**
 * A catalog read: its name, permission, input schema, optional store binding, and the read itself,
 * run by `runner.query` in a read-only transaction. `now` is the runner's clock at the call.
 *
 * @example
 * ```ts
 * const input = parseInput(catalogQueries.getSku.input, { sku: 'TEE-M' });
 * const sku = await runner.query({ actor, permission: catalogQueries.getSku.permission }, (tx) =>
 *   catalogQueries.getSku.read(tx, input, runner.clock.now()),
 * );
 * ```
 */
export interface CatalogQuery<I, T> {
  /** The query's name, `catalog.<verb>`, used in validation messages. */
  readonly name: string;
  /** The permission the actor needs: `catalog.read`. */
  readonly permission: Permission;
  /** Validates the input. */
  readonly input: z.ZodType<I, I>;
  /** The store the read is bound to, if any: the actor must be allowed in it. */
  readonly storeId?: (input: I) => string | undefined;
  /** The read, given the transaction's repositories, the validated input and the current instant. */
  readonly read: (tx: CatalogRepositories, input: I, now: Date) => Promise<T>;
}

/** Declares a catalog query with its types inferred. */
export function defineCatalogQuery<I, T>(query: CatalogQuery<I, T>): CatalogQuery<I, T> {
  return Object.freeze({ ...query });
}
