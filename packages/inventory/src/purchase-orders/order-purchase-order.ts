import { defineCommand } from '@retailkit/core';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { itemOf, loadItems } from '../shared/load-items.js';
import { requireLocation } from '../shared/require-records.js';
import { postStockChanges, type StockChange } from '../stock/post-stock-changes.js';
import { toUnits } from '../stock/stock-units.js';
import type { PurchaseOrderRecord } from '../storage/inventory-records.js';
import { loadPurchaseOrder } from './load-purchase-order.js';
import { purchaseOrderPayload, purchaseOrderStream } from './purchase-order-payload.js';
import { purchaseOrderRefInput } from './purchase-order-ref-input.js';
import { assertPurchaseOrderCan } from './purchase-order-transitions.js';

/** Input of {@link orderPurchaseOrder}. */
export const orderPurchaseOrderInput = purchaseOrderRefInput;

/**
 * Places a draft purchase order with the supplier: draft → ordered, and each line's quantity shows
 * as `incoming` at the location until it is received or the order is closed. The location must be
 * active. Emits `inventory.purchase-order-ordered`.
 */
export const orderPurchaseOrder = defineCommand({
  name: 'inventory.order-purchase-order',
  permission: 'inventory.purchase',
  input: orderPurchaseOrderInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<PurchaseOrderRecord> => {
    const context = 'inventory.order-purchase-order input';
    const repository = ctx.tx.inventory;
    const current = await loadPurchaseOrder(repository, input);
    assertPurchaseOrderCan(current.status, 'order');
    const location = await requireLocation(repository, current.locationId, 'locationId', context);
    const items = await loadItems(
      repository,
      current.lines.map((line) => line.sku),
    );
    const changes: StockChange[] = current.lines.map((line) => {
      const item = itemOf(items, line.sku);
      return { location, item, incoming: toUnits(line.ordered, item.scale) };
    });
    const record: PurchaseOrderRecord = {
      ...current,
      status: 'ordered',
      updatedAt: ctx.now.toISOString(),
      version: current.version + 1,
    };
    await repository.updatePurchaseOrder(record, current.version);
    await postStockChanges(ctx, changes);
    ctx.emit({
      type: 'inventory.purchase-order-ordered',
      stream: purchaseOrderStream(record.id),
      storeId: record.locationId,
      payload: purchaseOrderPayload(record, items, location, ctx.now),
    });
    return record;
  },
});
