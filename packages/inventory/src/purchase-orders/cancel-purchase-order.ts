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

/** Input of {@link cancelPurchaseOrder}. */
export const cancelPurchaseOrderInput = purchaseOrderRefInput;

/**
 * Cancels a draft, or an ordered purchase order nothing has been received against (its quantities
 * leave `incoming`); once anything arrived, close it instead. Emits `inventory.purchase-order-cancelled`.
 */
export const cancelPurchaseOrder = defineCommand({
  name: 'inventory.cancel-purchase-order',
  permission: 'inventory.purchase',
  input: cancelPurchaseOrderInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<PurchaseOrderRecord> => {
    const repository = ctx.tx.inventory;
    const current = await loadPurchaseOrder(repository, input);
    assertPurchaseOrderCan(current.status, 'cancel');
    const location = await loadLocation(repository, current.locationId);
    const items = await loadItems(
      repository,
      current.lines.map((line) => line.sku),
    );
    const record: PurchaseOrderRecord = {
      ...current,
      status: 'cancelled',
      updatedAt: ctx.now.toISOString(),
      version: current.version + 1,
    };
    await repository.updatePurchaseOrder(record, current.version);
    // A draft never raised incoming; an ordered one (nothing received yet) gives all of it back.
    const released =
      current.status === 'draft' ? [] : await releaseOutstandingIncoming(ctx, current, location, items);
    ctx.emit({
      type: 'inventory.purchase-order-cancelled',
      stream: purchaseOrderStream(record.id),
      storeId: record.locationId,
      payload: { ...purchaseOrderPayload(record, items, location, ctx.now), released },
    });
    return record;
  },
});
