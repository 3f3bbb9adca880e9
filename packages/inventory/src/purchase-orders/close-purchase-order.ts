import { defineCommand } from '@retailkit/core';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { loadItems } from '../shared/load-items.js';
import { loadLocation } from '../shared/load-location.js';
import type { PurchaseOrderRecord } from '../storage/inventory-records.js';
import { loadPurchaseOrder } from './load-purchase-order.js';
import { purchaseOrderPayload, purchaseOrderStream } from './purchase-order-payload.js';
import { purchaseOrderRefInput } from './purchase-order-ref-input.js';
import { assertPurchaseOrderCan } from './purchase-order-transitions.js';
import { releaseOutstandingIncoming } from './release-outstanding-incoming.js';

/** Input of {@link closePurchaseOrder}. */
export const closePurchaseOrderInput = purchaseOrderRefInput;

/**
 * Closes an ordered or partly received purchase order when nothing more will arrive: what is still
 * outstanding leaves `incoming`. Emits `inventory.purchase-order-closed` with the released amounts.
 */
export const closePurchaseOrder = defineCommand({
  name: 'inventory.close-purchase-order',
  permission: 'inventory.purchase',
  input: closePurchaseOrderInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<PurchaseOrderRecord> => {
    const repository = ctx.tx.inventory;
    const current = await loadPurchaseOrder(repository, input);
    assertPurchaseOrderCan(current.status, 'close');
    const location = await loadLocation(repository, current.locationId);
    const items = await loadItems(
      repository,
      current.lines.map((line) => line.sku),
    );
    const record: PurchaseOrderRecord = {
      ...current,
      status: 'closed',
      updatedAt: ctx.now.toISOString(),
      version: current.version + 1,
    };
    await repository.updatePurchaseOrder(record, current.version);
    const released = await releaseOutstandingIncoming(ctx, current, location, items);
    ctx.emit({
      type: 'inventory.purchase-order-closed',
      stream: purchaseOrderStream(record.id),
      storeId: record.locationId,
      payload: { ...purchaseOrderPayload(record, items, location, ctx.now), released },
    });
    return record;
  },
});
