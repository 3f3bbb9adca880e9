import { type Actor, type CommandRunner, isRetailKitError, type RetailKitError } from '@retailkit/core';
import type { InventoryRepository } from '../storage/inventory-repository.js';
import type { InventoryStorageRepositories } from './inventory-context.js';

/** How {@link queryDocument} finds one document and the stores it belongs to. */
export interface DocumentQuery<T> {
  /** Reads the document, or undefined when there is none. */
  readonly load: (repository: InventoryRepository) => Promise<T | undefined>;
  /** The stores the document belongs to; the actor may read it in any of them. */
  readonly storesOf: (document: T) => readonly string[];
  /** The error for an unknown id. */
  readonly notFound: () => RetailKitError;
}

/**
 * Reads one document by id with `inventory.read` in one of the stores it belongs to. The store is
 * only known once the document is read, so it is looked up first and then read again inside an
 * authorised query. An actor limited to stores none of which the document belongs to gets the
 * NotFoundError of an unknown id, so ids cannot be probed across stores; any other refusal is the
 * ForbiddenError of the first store.
 */
export async function queryDocument<T>(
  runner: CommandRunner<InventoryStorageRepositories>,
  actor: Actor,
  query: DocumentQuery<T>,
): Promise<T> {
  const found = await runner.storage.transaction((tx) => query.load(tx.inventory), { readOnly: true });
  if (found === undefined) throw query.notFound();
  let refusal: unknown;
  for (const storeId of query.storesOf(found)) {
    try {
      const document = await runner.query({ actor, permission: 'inventory.read', storeId }, (tx) =>
        query.load(tx.inventory),
      );
      if (document === undefined) throw query.notFound();
      return document;
    } catch (error) {
      if (!isRetailKitError(error, 'FORBIDDEN')) throw error;
      refusal ??= error;
    }
  }
  const stores = actor.storeIds;
  if (stores !== undefined && !query.storesOf(found).some((storeId) => stores.includes(storeId))) {
    throw query.notFound();
  }
  throw refusal;
}
