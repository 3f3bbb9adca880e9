import { defineCommand } from '@retailkit/core';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import type { PurchaseOrderRecord } from '../storage/inventory-records.js';
import { endPurchaseOrder } from './end-purchase-order.js';
import { purchaseOrderRefInput } from './purchase-order-ref-input.js';

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
  handler: (ctx: InventoryCommandContext, input): Promise<PurchaseOrderRecord> =>
    endPurchaseOrder(ctx, input, {
      event: 'close',
      status: 'closed',
      eventType: 'inventory.purchase-order-closed',
    }),
});
