import { NotFoundError } from '@retailkit/core';
import type { TransferRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/**
 * The transfer `id` between the named locations. A transfer between other locations is reported as
 * not found, so naming stores one is allowed in cannot reach another store's transfer.
 */
export async function loadTransfer(
  repository: InventoryRepository,
  ref: { readonly id: string; readonly fromLocationId: string; readonly toLocationId: string },
): Promise<TransferRecord> {
  const record = await repository.getTransfer(ref.id);
  if (!record || record.fromLocationId !== ref.fromLocationId || record.toLocationId !== ref.toLocationId) {
    throw new NotFoundError('transfer', ref.id, {
      details: { fromLocationId: ref.fromLocationId, toLocationId: ref.toLocationId },
    });
  }
  return record;
}
