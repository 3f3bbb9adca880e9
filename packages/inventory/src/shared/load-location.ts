import { NotFoundError } from '@retailkit/core';
import type { LocationRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/**
 * The location `id` a stored document names, open or closed (a closed location can still settle its
 * documents); a missing one is a NotFoundError. Use `requireLocation` for new input instead.
 */
export async function loadLocation(repository: InventoryRepository, id: string): Promise<LocationRecord> {
  const location = await repository.getLocation(id);
  if (!location) throw new NotFoundError('location', id);
  return location;
}
