import { z } from 'zod';
import { quantityValueSchema, skuSchema, unitCostSchema } from '../shared/inventory-schemas.js';
import { refuseDuplicateSkus } from '../shared/refuse-duplicate-skus.js';
import { resolveLines } from '../shared/require-records.js';
import { formatUnits } from '../stock/stock-units.js';
import type { PurchaseOrderLineRecord, StockItemRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/** One line of a draft purchase order: what to order, how much, and at what unit cost. */
export const purchaseOrderLineInput = z.strictObject({
  /** The SKU. */
  sku: skuSchema,
  /** How much to order (greater than zero, within the item's decimals). */
  quantity: quantityValueSchema,
  /** Agreed unit cost in the location's currency. */
  unitCost: unitCostSchema,
});

/** The lines of a draft purchase order: one to 500, one per SKU. */
export const purchaseOrderLinesInput = z.array(purchaseOrderLineInput).min(1).max(500);

/**
 * Checks draft lines against the items (known, active, quantities within the unit's decimals, one
 * line per SKU) and turns them into records with nothing received yet. Problems name
 * `lines.<i>.sku` / `lines.<i>.quantity`.
 */
export async function resolvePurchaseOrderLines(
  repository: InventoryRepository,
  lines: readonly z.output<typeof purchaseOrderLineInput>[],
  context: string,
): Promise<{ lines: PurchaseOrderLineRecord[]; items: Map<string, StockItemRecord> }> {
  refuseDuplicateSkus(lines, 'lines', context);
  const resolved = await resolveLines(repository, lines, 'lines', context, { requireActive: true });
  return {
    lines: resolved.map(({ line, item, units }) => ({
      sku: item.sku,
      ordered: formatUnits(units, item.scale),
      received: formatUnits(0n, item.scale),
      unitCost: line.unitCost,
    })),
    items: new Map(resolved.map(({ item }) => [item.sku, item])),
  };
}
