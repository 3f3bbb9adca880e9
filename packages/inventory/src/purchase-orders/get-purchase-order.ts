import { type Actor, type CommandRunner, idSchema, NotFoundError, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { queryDocument } from '../shared/query-document.js';
import type { PurchaseOrderRecord } from '../storage/inventory-records.js';

/** Input of {@link getPurchaseOrder}. */
export const getPurchaseOrderInput = z.strictObject({
  /** The purchase order id. */
  id: idSchema,
});

/**
 * Reads one purchase order (permission `inventory.read` in its location). Throws NotFoundError for
 * an unknown id.
 */
export async function getPurchaseOrder(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof getPurchaseOrderInput>,
  options: { readonly actor: Actor },
): Promise<PurchaseOrderRecord> {
  const { id } = parseInput(getPurchaseOrderInput, input, 'getPurchaseOrder input');
  return queryDocument(runner, options.actor, {
    load: (repository) => repository.getPurchaseOrder(id),
    storesOf: (record) => [record.locationId],
    notFound: () => new NotFoundError('purchase order', id),
  });
}
