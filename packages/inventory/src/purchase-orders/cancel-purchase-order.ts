import { defineCommand } from '@retailkit/core';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import type { PurchaseOrderRecord } from '../storage/inventory-records.js';
import { endPurchaseOrder } from './end-purchase-order.js';
import { purchaseOrderRefInput } from './purchase-order-ref-input.js';

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
  handler: (ctx: InventoryCommandContext, input): Promise<PurchaseOrderRecord> =>
    endPurchaseOrder(ctx, input, {
      event: 'cancel',
      status: 'cancelled',
      eventType: 'inventory.purchase-order-cancelled',
    }),
});
