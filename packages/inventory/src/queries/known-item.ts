import { ValidationError } from '@retailkit/core';
import type { StockItemRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

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
