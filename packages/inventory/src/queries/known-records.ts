import { ValidationError } from '@retailkit/core';
import type { LocationRecord, StockItemRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/** The location `id` (open or closed: history stays readable), or a ValidationError naming `path`. */
export async function knownLocation(
  repository: InventoryRepository,
  id: string,
  path: string,
  context: string,
): Promise<LocationRecord> {
  const location = await repository.getLocation(id);
  if (!location) {
    throw new ValidationError([{ path, message: `unknown location ${JSON.stringify(id)}` }], { context });
  }
  return location;
}

/** The item `sku`, or a ValidationError naming `path`. */
export async function knownItem(
  repository: InventoryRepository,
  sku: string,
  path: string,
  context: string,
): Promise<StockItemRecord> {
  const item = await repository.getItem(sku);
  if (!item)
    throw new ValidationError([{ path, message: `unknown SKU ${JSON.stringify(sku)}` }], { context });
  return item;
}
