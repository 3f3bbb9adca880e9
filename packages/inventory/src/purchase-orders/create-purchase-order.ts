import { businessDateSchema, defineCommand, idSchema } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema } from '../shared/inventory-schemas.js';
import { requireLocation } from '../shared/require-records.js';
import type { PurchaseOrderRecord } from '../storage/inventory-records.js';
import { purchaseOrderLinesInput, resolvePurchaseOrderLines } from './purchase-order-line-input.js';
import { purchaseOrderPayload, purchaseOrderStream } from './purchase-order-payload.js';

/** Input of {@link createPurchaseOrder}. */
export const createPurchaseOrderInput = z.strictObject({
  /** Where the goods are delivered (an active store or warehouse). */
  locationId: locationIdSchema,
  /** The supplier's id (suppliers are not managed by inventory). */
  supplierId: idSchema,
  /** Expected delivery date (the location's business date), if known. */
  expectedOn: businessDateSchema.nullable().default(null),
  /** What to order: one line per SKU, with quantity and unit cost in the location's currency. */
  lines: purchaseOrderLinesInput,
});

/**
 * Drafts a purchase order to a supplier. A draft changes no stock; ordering it raises `incoming`.
 * Emits `inventory.purchase-order-created`.
 */
export const createPurchaseOrder = defineCommand({
  name: 'inventory.create-purchase-order',
  permission: 'inventory.purchase',
  input: createPurchaseOrderInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<PurchaseOrderRecord> => {
    const context = 'inventory.create-purchase-order input';
    const repository = ctx.tx.inventory;
    const location = await requireLocation(repository, input.locationId, 'locationId', context);
    const { lines, items } = await resolvePurchaseOrderLines(repository, input.lines, context);
    const now = ctx.now.toISOString();
    const record: PurchaseOrderRecord = {
      id: ctx.ids.next(),
      supplierId: input.supplierId,
      locationId: location.id,
      status: 'draft',
      currency: location.currency,
      lines,
      expectedOn: input.expectedOn,
      suggestionId: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await repository.insertPurchaseOrder(record);
    ctx.emit({
      type: 'inventory.purchase-order-created',
      stream: purchaseOrderStream(record.id),
      storeId: location.id,
      payload: purchaseOrderPayload(record, items, location, ctx.now),
    });
    return record;
  },
});
