import { NotFoundError } from '@retailkit/core';
import type { StockItemRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';
import { itemsBySku } from './items-by-sku.js';

/**
 * The items of SKUs a stored document already names, by SKU. They were checked when the document
 * was written, so a missing one is a NotFoundError rather than bad input.
 */
export async function loadItems(
  repository: InventoryRepository,
  skus: readonly string[],
): Promise<Map<string, StockItemRecord>> {
  const items = await itemsBySku(repository, skus);
  for (const sku of skus) if (!items.has(sku)) throw new NotFoundError('item', sku);
  return items;
}

/** The item of `sku` from a map {@link loadItems} filled. */
export function itemOf(items: ReadonlyMap<string, StockItemRecord>, sku: string): StockItemRecord {
  const item = items.get(sku);
  if (!item) throw new NotFoundError('item', sku);
  return item;
}
