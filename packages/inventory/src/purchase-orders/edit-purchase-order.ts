import { businessDateSchema, defineCommand, idSchema } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { loadItems } from '../shared/load-items.js';
import { loadLocation } from '../shared/load-location.js';
import type { PurchaseOrderRecord } from '../storage/inventory-records.js';
import { loadPurchaseOrder } from './load-purchase-order.js';
import { purchaseOrderLinesInput, resolvePurchaseOrderLines } from './purchase-order-line-input.js';
import { purchaseOrderPayload, purchaseOrderStream } from './purchase-order-payload.js';
import { purchaseOrderRefShape } from './purchase-order-ref-input.js';
import { assertPurchaseOrderCan } from './purchase-order-transitions.js';

/** Input of {@link editPurchaseOrder}: the order, and the fields to replace (absent ones stay). */
export const editPurchaseOrderInput = z.strictObject({
  ...purchaseOrderRefShape,
  /** A new supplier. */
  supplierId: idSchema.optional(),
  /** A new expected delivery date, or null for unknown. */
  expectedOn: businessDateSchema.nullable().optional(),
  /** New lines, replacing all the old ones. */
  lines: purchaseOrderLinesInput.optional(),
});

/**
 * Changes a draft purchase order: its supplier, expected date or lines (replaced as a whole).
 * Emits `inventory.purchase-order-edited`.
 */
export const editPurchaseOrder = defineCommand({
  name: 'inventory.edit-purchase-order',
  permission: 'inventory.purchase',
  input: editPurchaseOrderInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<PurchaseOrderRecord> => {
    const context = 'inventory.edit-purchase-order input';
    const repository = ctx.tx.inventory;
    const current = await loadPurchaseOrder(repository, input);
    assertPurchaseOrderCan(current.status, 'edit');
    const location = await loadLocation(repository, current.locationId);
    const resolved =
      input.lines === undefined
        ? undefined
        : await resolvePurchaseOrderLines(repository, input.lines, context);
    const lines = resolved?.lines ?? current.lines;
    const items =
      resolved?.items ??
      (await loadItems(
        repository,
        lines.map((line) => line.sku),
      ));
    const record: PurchaseOrderRecord = {
      ...current,
      supplierId: input.supplierId ?? current.supplierId,
      expectedOn: input.expectedOn === undefined ? current.expectedOn : input.expectedOn,
      lines,
      updatedAt: ctx.now.toISOString(),
      version: current.version + 1,
    };
    await repository.updatePurchaseOrder(record, current.version);
    ctx.emit({
      type: 'inventory.purchase-order-edited',
      stream: purchaseOrderStream(record.id),
      storeId: record.locationId,
      payload: purchaseOrderPayload(record, items, location, ctx.now),
    });
    return record;
  },
});
