import { type Actor, type CommandRunner, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema, pageRequestSchema, skuSchema } from '../shared/inventory-schemas.js';
import type { PurchaseOrderRecord } from '../storage/inventory-records.js';
import type { Page } from '../storage/inventory-repository.js';

/** The states a purchase order can be in. */
export const purchaseOrderStatusSchema = z.literal([
  'draft',
  'ordered',
  'partially-received',
  'received',
  'closed',
  'cancelled',
]);

/** Input of {@link listPurchaseOrders}: filters and paging. */
export const listPurchaseOrdersInput = z.strictObject({
  ...pageRequestSchema.shape,
  /** Only orders delivered here; without it the listing is chain-wide. */
  locationId: locationIdSchema.optional(),
  /** Only orders in these states. */
  statuses: z.array(purchaseOrderStatusSchema).min(1).max(50).optional(),
  /** Only orders with a line for this SKU. */
  sku: skuSchema.optional(),
});

/**
 * Lists purchase orders by id, a page at a time (permission `inventory.read`, in `locationId` when
 * given, else chain-wide).
 */
export async function listPurchaseOrders(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof listPurchaseOrdersInput>,
  options: { readonly actor: Actor },
): Promise<Page<PurchaseOrderRecord>> {
  const { limit, after, locationId, statuses, sku } = parseInput(
    listPurchaseOrdersInput,
    input,
    'listPurchaseOrders input',
  );
  return runner.query(inventoryRead(options.actor, locationId), (tx) =>
    tx.inventory.listPurchaseOrders(
      { locationId, statuses, sku },
      after === undefined ? { limit } : { limit, after },
    ),
  );
}
