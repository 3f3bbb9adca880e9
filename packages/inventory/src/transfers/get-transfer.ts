import { type Actor, type CommandRunner, idSchema, NotFoundError, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { queryDocument } from '../shared/query-document.js';
import type { TransferRecord } from '../storage/inventory-records.js';

/** Input of {@link getTransfer}. */
export const getTransferInput = z.strictObject({
  /** The transfer id. */
  id: idSchema,
});

/**
 * Reads one transfer (permission `inventory.read` at either end). Throws NotFoundError for an
 * unknown id.
 */
export async function getTransfer(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof getTransferInput>,
  options: { readonly actor: Actor },
): Promise<TransferRecord> {
  const { id } = parseInput(getTransferInput, input, 'getTransfer input');
  return queryDocument(runner, options.actor, {
    load: (repository) => repository.getTransfer(id),
    storesOf: (record) => [record.fromLocationId, record.toLocationId],
    notFound: () => new NotFoundError('transfer', id),
  });
}
