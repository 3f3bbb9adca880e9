import { parseInput } from '@retailkit/core';
import { z } from 'zod';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema, skuSchema } from '../shared/inventory-schemas.js';
import { requireLocation } from '../shared/require-records.js';
import { emptyLevel, type StockLevel, toStockLevel } from '../stock/stock-level-view.js';
import type { InventoryQueryOptions, InventoryQueryRunner } from './inventory-query-runner.js';
import { knownItem } from './known-item.js';

const CONTEXT = 'getStockLevel input';

/** Input of {@link getStockLevel}. */
export const getStockLevelInput = z.strictObject({
  /** The location. */
  locationId: locationIdSchema,
  /** The SKU. */
  sku: skuSchema,
});

/**
 * The stock level of one SKU at one location (`inventory.read` in that location); all zeros with
 * the default policy when nothing happened there yet. Unknown SKU or location: ValidationError.
 */
export async function getStockLevel(
  runner: InventoryQueryRunner,
  input: z.input<typeof getStockLevelInput>,
  options: InventoryQueryOptions,
): Promise<StockLevel> {
  const { locationId, sku } = parseInput(getStockLevelInput, input, CONTEXT);
  return runner.query(inventoryRead(options.actor, locationId), async (tx) => {
    const repository = tx.inventory;
    await requireLocation(repository, locationId, 'locationId', CONTEXT, { includeClosed: true });
    const item = await knownItem(repository, sku, 'sku', CONTEXT);
    const level = (await repository.getLevel({ locationId, sku })) ?? emptyLevel(locationId, sku, '');
    return toStockLevel(level, item);
  });
}
