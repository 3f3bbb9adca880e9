import type { StockItemRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/** The stocked items of `skus` by SKU, each asked for once; unknown SKUs are simply absent. */
export async function itemsBySku(
  repository: InventoryRepository,
  skus: Iterable<string>,
): Promise<Map<string, StockItemRecord>> {
  const items = await repository.getItems([...new Set(skus)]);
  const bySku = new Map<string, StockItemRecord>();
  for (const item of items) bySku.set(item.sku, item);
  return bySku;
}
