import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { itemOf } from '../shared/load-items.js';
import { postStockChanges, type StockChange } from '../stock/post-stock-changes.js';
import { formatUnits } from '../stock/stock-units.js';
import type { LocationRecord, PurchaseOrderRecord, StockItemRecord } from '../storage/inventory-records.js';
import { poOutstanding } from './purchase-order-outstanding.js';

/** What closing or cancelling took off `incoming` for one SKU. */
export type ReleasedIncoming = {
  /** The SKU. */
  readonly sku: string;
  /** The quantity no longer expected. */
  readonly quantity: string;
};

/**
 * Takes what an ordered purchase order still expects off `incoming` (when it is closed or
 * cancelled), and returns the non-zero amounts per SKU.
 */
export async function releaseOutstandingIncoming(
  ctx: InventoryCommandContext,
  record: PurchaseOrderRecord,
  location: LocationRecord,
  items: ReadonlyMap<string, StockItemRecord>,
): Promise<ReleasedIncoming[]> {
  const changes: StockChange[] = [];
  const released: ReleasedIncoming[] = [];
  for (const line of record.lines) {
    const item = itemOf(items, line.sku);
    const outstanding = poOutstanding(line, item.scale);
    if (outstanding === 0n) continue;
    changes.push({ location, item, incoming: -outstanding });
    released.push({ sku: line.sku, quantity: formatUnits(outstanding, item.scale) });
  }
  if (changes.length > 0) await postStockChanges(ctx, changes);
  return released;
}
