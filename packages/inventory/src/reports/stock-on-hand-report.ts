import { type Actor, type CommandRunner, idSchema, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema } from '../shared/inventory-schemas.js';
import { forEachLocation, type LocationStockSummary, summarizeLocationStock } from './stock-summary.js';

/** Input of {@link stockOnHandReport}. */
export const stockOnHandReportInput = z.strictObject({
  /** Only this location; omit for every location (a chain-wide read). */
  locationId: locationIdSchema.optional(),
  /** Only items of this category. */
  categoryId: idSchema.optional(),
});

/** Stock on hand by location and category. */
export type StockOnHandReport = {
  /** When it was read (ISO). */
  readonly asOf: string;
  /** One entry per location, ordered by id. */
  readonly locations: readonly LocationStockSummary[];
};

/**
 * Stock on hand by location and category: per category the SKUs in stock, units per unit code and
 * value at average cost (rounded half-even once per sum). Levels are read a page at a time. Needs
 * `inventory.read` in the location (chain-wide without `locationId`).
 */
export async function stockOnHandReport(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof stockOnHandReportInput>,
  options: { readonly actor: Actor },
): Promise<StockOnHandReport> {
  const context = 'inventory.stock-on-hand-report input';
  const { locationId, categoryId } = parseInput(stockOnHandReportInput, input, context);
  return runner.query(inventoryRead(options.actor, locationId), async (tx) => {
    const locations: LocationStockSummary[] = [];
    await forEachLocation(tx.inventory, locationId, context, async (location) => {
      locations.push(await summarizeLocationStock(tx.inventory, location, { categoryId }));
    });
    return { asOf: runner.clock.now().toISOString(), locations };
  });
}
