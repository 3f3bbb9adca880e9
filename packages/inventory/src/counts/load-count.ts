import { InvalidTransitionError, NotFoundError } from '@retailkit/core';
import type { StockCountRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/** What can happen to an open count. */
export type CountEvent = 'record' | 'post' | 'cancel';

/**
 * The open count `id` at `locationId`. A command names both so the actor is authorised in the
 * count's store first; a count of another location is reported as not found, and one that was
 * posted or cancelled is an InvalidTransitionError (nothing can happen to it any more).
 */
export async function loadOpenCount(
  repository: InventoryRepository,
  ref: { readonly countId: string; readonly locationId: string },
  event: CountEvent,
): Promise<StockCountRecord> {
  const record = await repository.getCount(ref.countId);
  if (!record || record.locationId !== ref.locationId) {
    throw new NotFoundError('count', ref.countId, { details: { locationId: ref.locationId } });
  }
  if (record.status !== 'open') throw new InvalidTransitionError(record.status, event, []);
  return record;
}
