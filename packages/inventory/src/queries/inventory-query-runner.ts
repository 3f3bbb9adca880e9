import type { Actor, CommandRunner } from '@retailkit/core';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';

/** The runner inventory queries read through. */
export type InventoryQueryRunner = CommandRunner<InventoryStorageRepositories>;

/** Who reads. */
export interface InventoryQueryOptions {
  /** The actor; needs `inventory.read` in the location read (or chain-wide). */
  readonly actor: Actor;
}
