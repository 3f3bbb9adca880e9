import { itemsBySku } from '../shared/items-by-sku.js';
import type { ReservationRecord, StockItemRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/** The items of every line of `reservations`, by SKU. */
export async function reservationItems(
  repository: InventoryRepository,
  reservations: readonly ReservationRecord[],
): Promise<Map<string, StockItemRecord>> {
  const skus: string[] = [];
  for (const reservation of reservations) for (const line of reservation.lines) skus.push(line.sku);
  return itemsBySku(repository, skus);
}
