import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { loadItems } from '../shared/load-items.js';
import { loadLocation } from '../shared/load-location.js';
import type { PurchaseOrderRecord } from '../storage/inventory-records.js';
import { loadPurchaseOrder } from './load-purchase-order.js';
import { purchaseOrderPayload, purchaseOrderStream } from './purchase-order-payload.js';
import type { PurchaseOrderEvent } from './purchase-order-transitions.js';
import { assertPurchaseOrderCan } from './purchase-order-transitions.js';
import { releaseOutstandingIncoming } from './release-outstanding-incoming.js';

/**
 * Ends a purchase order for good (cancel or close) after checking the transition: what it still
 * expects leaves `incoming`, and `eventType` carries the released amounts.
 */
export async function endPurchaseOrder(
  ctx: InventoryCommandContext,
  ref: { readonly id: string; readonly locationId: string },
  end: {
    readonly event: Extract<PurchaseOrderEvent, 'cancel' | 'close'>;
    readonly status: 'cancelled' | 'closed';
    readonly eventType: string;
  },
): Promise<PurchaseOrderRecord> {
  const repository = ctx.tx.inventory;
  const current = await loadPurchaseOrder(repository, ref);
  assertPurchaseOrderCan(current.status, end.event);
  const location = await loadLocation(repository, current.locationId);
  const items = await loadItems(
    repository,
    current.lines.map((line) => line.sku),
  );
  const record: PurchaseOrderRecord = {
    ...current,
    status: end.status,
    updatedAt: ctx.now.toISOString(),
    version: current.version + 1,
  };
  await repository.updatePurchaseOrder(record, current.version);
  // A draft never raised incoming; an ordered or partly received one gives back what is outstanding.
  const released =
    current.status === 'draft' ? [] : await releaseOutstandingIncoming(ctx, current, location, items);
  ctx.emit({
    type: end.eventType,
    stream: purchaseOrderStream(record.id),
    storeId: record.locationId,
    payload: { ...purchaseOrderPayload(record, items, location, ctx.now), released },
  });
  return record;
}
