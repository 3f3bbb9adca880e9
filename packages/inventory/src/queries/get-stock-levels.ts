import { parseInput } from '@retailkit/core';
import { z } from 'zod';
import { InputIssues } from '../shared/input-issues.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema, pageRequestSchema, skuSchema } from '../shared/inventory-schemas.js';
import { itemsBySku } from '../shared/items-by-sku.js';
import { requireLocation } from '../shared/require-records.js';
import { emptyLevel, type StockLevel, toStockLevel } from '../stock/stock-level-view.js';
import type { StockItemRecord } from '../storage/inventory-records.js';
import type { Page } from '../storage/inventory-repository.js';
import type { InventoryQueryOptions, InventoryQueryRunner } from './inventory-query-runner.js';

const CONTEXT = 'getStockLevels input';

/** Input of {@link getStockLevels}. */
export const getStockLevelsInput = pageRequestSchema
  .extend({
    /** The location. */
    locationId: locationIdSchema,
    /** Only these SKUs (each listed gets a level, zeros if untouched); every level when left out. */
    skus: z.array(skuSchema).min(1).max(1000).optional(),
  })
  .strict();

/**
 * Stock levels at one location (`inventory.read` there): of the listed SKUs, in the order given
 * (one page), or every SKU that has a level, ordered by SKU, a page at a time.
 */
export async function getStockLevels(
  runner: InventoryQueryRunner,
  input: z.input<typeof getStockLevelsInput>,
  options: InventoryQueryOptions,
): Promise<Page<StockLevel>> {
  const { locationId, skus, limit, after } = parseInput(getStockLevelsInput, input, CONTEXT);
  return runner.query(inventoryRead(options.actor, locationId), async (tx) => {
    const repository = tx.inventory;
    await requireLocation(repository, locationId, 'locationId', CONTEXT, { includeClosed: true });
    if (skus !== undefined) {
      const items = await itemsBySku(repository, skus);
      const issues = new InputIssues();
      for (const [index, sku] of skus.entries()) {
        if (!items.has(sku)) issues.add(`skus.${index}`, `unknown SKU ${JSON.stringify(sku)}`);
      }
      issues.throwIfAny(CONTEXT);
      const levels: StockLevel[] = [];
      for (const sku of new Set(skus)) {
        const level = (await repository.getLevel({ locationId, sku })) ?? emptyLevel(locationId, sku, '');
        levels.push(toStockLevel(level, items.get(sku) as StockItemRecord));
      }
      return { items: levels, nextCursor: null };
    }
    const page = await repository.listLevels(
      { locationId },
      after === undefined ? { limit } : { limit, after },
    );
    const items = await itemsBySku(
      repository,
      page.items.map((level) => level.sku),
    );
    const levels: StockLevel[] = [];
    for (const level of page.items) {
      const item = items.get(level.sku);
      if (item) levels.push(toStockLevel(level, item));
    }
    return { items: levels, nextCursor: page.nextCursor };
  });
}
