import { parseInput } from '@retailkit/core';
import type { z } from 'zod';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import type { CatalogRepositories } from '../catalog-repository.js';
import type { CatalogQuery } from './catalog-query.js';

/** What a catalog query declares: its name, input schema, optional store binding, and the read. */
interface CatalogQuerySpec<I, T> {
  /** The query's name, `catalog.<verb>`, used in validation messages. */
  readonly name: string;
  /** Validates the input. */
  readonly input: z.ZodType<I, I>;
  /** The store the read is bound to, if any: the actor must be allowed in it. */
  readonly storeId?: (input: I) => string;
  /** The read, given the transaction's repositories, the validated input and the current instant. */
  readonly read: (tx: CatalogRepositories, input: I, now: Date) => Promise<T>;
}

/**
 * Turns a declared read into a {@link CatalogQuery}: the input is validated before anything else
 * (a ValidationError names the field), then the actor is authorised for `catalog.read` and the read
 * runs in a read-only transaction; `now` is the runner's clock at the call.
 */
export function defineCatalogQuery<I, T>(spec: CatalogQuerySpec<I, T>): CatalogQuery<I, T> {
  const context = `${spec.name} input`;
  return async (runner, rawInput, options) => {
    const input = parseInput(spec.input, rawInput, context);
    const storeId = spec.storeId?.(input);
    const now = runner.clock.now();
    return runner.query(
      {
        actor: options.actor,
        permission: CATALOG_PERMISSIONS.read,
        ...(storeId === undefined ? {} : { storeId }),
      },
      (tx) => spec.read(tx, input, now),
    );
  };
}
