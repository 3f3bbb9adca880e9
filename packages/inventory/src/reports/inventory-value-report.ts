import { type Actor, type CommandRunner, type MoneyJson, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema } from '../shared/inventory-schemas.js';
import { forEachLocation, summarizeLocationStock } from './stock-summary.js';
import type { UnitTotal } from './unit-totals.js';

/** Input of {@link inventoryValueReport}. */
export const inventoryValueReportInput = z.strictObject({
  /** Only this location; omit for every location (a chain-wide read). */
  locationId: locationIdSchema.optional(),
});

/** The value of one location's stock at cost. */
export type LocationInventoryValue = {
  /** The location. */
  readonly locationId: string;
  /** Its currency. */
  readonly currency: string;
  /** On hand × average cost over every SKU, summed exactly and rounded half-even once. */
  readonly value: MoneyJson;
  /** SKUs with stock on hand. */
  readonly skus: number;
  /** Of them, SKUs without an average cost yet (not in `value`). */
  readonly unvaluedSkus: number;
  /** On hand per unit code. */
  readonly units: readonly UnitTotal[];
};

/** Inventory value at cost per location. */
export type InventoryValueReport = {
  /** When it was read (ISO). */
  readonly asOf: string;
  /** One entry per location, ordered by id. Locations keep their own currency, so there is no grand total. */
  readonly locations: readonly LocationInventoryValue[];
};

/**
 * Inventory value at cost per location: the exact sum of on hand × moving-average cost, rounded
 * half-even to the currency's minor unit only at the end. Needs `inventory.read` in the location
 * (chain-wide without `locationId`).
 */
export async function inventoryValueReport(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof inventoryValueReportInput>,
  options: { readonly actor: Actor },
): Promise<InventoryValueReport> {
  const context = 'inventory.inventory-value-report input';
  const { locationId } = parseInput(inventoryValueReportInput, input, context);
  return runner.query(inventoryRead(options.actor, locationId), async (tx) => {
    const locations: LocationInventoryValue[] = [];
    await forEachLocation(tx.inventory, locationId, context, async (location) => {
      const { totals } = await summarizeLocationStock(tx.inventory, location);
      locations.push({
        locationId: location.id,
        currency: location.currency,
        value: totals.value,
        skus: totals.skus,
        unvaluedSkus: totals.unvaluedSkus,
        units: totals.units,
      });
    });
    return { asOf: runner.clock.now().toISOString(), locations };
  });
}
