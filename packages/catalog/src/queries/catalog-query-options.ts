import type { Actor } from '@retailkit/core';

/** Who reads: catalog queries need `catalog.read`, and `resolvePrice` the store too. */
export interface CatalogQueryOptions {
  /** Who reads. */
  readonly actor: Actor;
}
