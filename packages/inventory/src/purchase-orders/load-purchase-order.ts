import { NotFoundError } from '@retailkit/core';
import type { PurchaseOrderRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/**
 * The purchase order `id` delivered to `locationId`. A command names both so the actor is
 * authorised in the order's store; an order of another location is reported as not found.
 */
export async function loadPurchaseOrder(
  repository: InventoryRepository,
  ref: { readonly id: string; readonly locationId: string },
): Promise<PurchaseOrderRecord> {
  const record = await repository.getPurchaseOrder(ref.id);
  if (!record || record.locationId !== ref.locationId) {
    throw new NotFoundError('purchase order', ref.id, { details: { locationId: ref.locationId } });
  }
  return record;
}
