import type { JsonValue } from '@retailkit/core';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import type { LocationRecord, StockItemRecord } from '../storage/inventory-records.js';
import { stockStream } from './stock-stream.js';

/**
 * Emits `type` on the stock stream of `item` at `location`, its payload opening with where and what
 * (location, SKU, category, unit) followed by `fields`.
 */
export function emitStockEvent(
  ctx: InventoryCommandContext,
  type: string,
  stock: { readonly location: LocationRecord; readonly item: StockItemRecord },
  fields: Readonly<Record<string, JsonValue>>,
): void {
  const { location, item } = stock;
  ctx.emit({
    type,
    stream: stockStream(location.id, item.sku),
    storeId: location.id,
    payload: {
      locationId: location.id,
      sku: item.sku,
      categoryId: item.categoryId,
      unit: item.unit,
      ...fields,
    },
  });
}
