import type { TransferRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/**
 * The unit cost each SKU of a shipped transfer left its source at, read back from the transfer's
 * `transfer-out` movements (written at the instant it shipped), so the destination receives it at
 * that cost even if the source's average moved since. A SKU shipped without a known cost maps to null.
 */
export async function shippedUnitCosts(
  repository: InventoryRepository,
  transfer: TransferRecord,
): Promise<Map<string, string | null>> {
  const costs = new Map<string, string | null>();
  if (transfer.shippedAt === null) return costs;
  const filter = {
    locationId: transfer.fromLocationId,
    reasons: ['transfer-out' as const],
    from: transfer.shippedAt,
    to: new Date(Date.parse(transfer.shippedAt) + 1).toISOString(),
  };
  let after: string | undefined;
  do {
    const page = await repository.listMovements(filter, { limit: 500, after });
    for (const movement of page.items) {
      if (movement.referenceType === 'transfer' && movement.referenceId === transfer.id) {
        costs.set(movement.sku, movement.unitCost);
      }
    }
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return costs;
}
