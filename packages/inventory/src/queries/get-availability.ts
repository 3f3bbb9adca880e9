import { authorize, parseInput } from '@retailkit/core';
import { z } from 'zod';
import { InputIssues } from '../shared/input-issues.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema, skuSchema } from '../shared/inventory-schemas.js';
import { emptyLevel, type StockLevel, toStockLevel } from '../stock/stock-level-view.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { StockLevelRecord } from '../storage/inventory-records.js';
import type { InventoryQueryOptions, InventoryQueryRunner } from './inventory-query-runner.js';
import { knownItem } from './known-item.js';

const CONTEXT = 'getAvailability input';

/** Input of {@link getAvailability}. */
export const getAvailabilityInput = z.strictObject({
  /** The SKU. */
  sku: skuSchema,
  /**
   * The locations to look at (the actor needs `inventory.read` in each). Left out: every location
   * with a level for the SKU, a chain-wide read.
   */
  locationIds: z.array(locationIdSchema).min(1).max(200).optional(),
});

/** Totals of one SKU over several locations. */
export interface AvailabilityTotals {
  /** Sum of on hand. */
  readonly onHand: string;
  /** Sum of reserved. */
  readonly reserved: string;
  /** Sum of available (on hand − reserved; a backordered location counts negative). */
  readonly available: string;
  /** Sum of incoming. */
  readonly incoming: string;
  /** Sum of in transit. */
  readonly inTransit: string;
}

/** Where one SKU is, across locations. */
export interface Availability {
  /** The SKU. */
  readonly sku: string;
  /** Its unit code. */
  readonly unit: string;
  /** The sums over `locations`. */
  readonly totals: AvailabilityTotals;
  /** One level per location, ordered as asked (or by location id). */
  readonly locations: readonly StockLevel[];
}

/**
 * The stock of one SKU across locations (`inventory.read`): per location and in total. With
 * `locationIds` the actor must be allowed in each listed location; without, it is a chain-wide
 * read of every location with a level. Unknown SKU or location: ValidationError.
 */
export async function getAvailability(
  runner: InventoryQueryRunner,
  input: z.input<typeof getAvailabilityInput>,
  options: InventoryQueryOptions,
): Promise<Availability> {
  const { sku, locationIds } = parseInput(getAvailabilityInput, input, CONTEXT);
  const wanted = locationIds === undefined ? undefined : [...new Set(locationIds)];
  const [first, ...others] = wanted ?? [];
  // runner.query authorises one store; the others are authorised here, before anything is read.
  for (const storeId of others) {
    await authorize(runner.policy, { actor: options.actor, permission: 'inventory.read', storeId });
  }
  return runner.query(inventoryRead(options.actor, first), async (tx) => {
    const repository = tx.inventory;
    const item = await knownItem(repository, sku, 'sku', CONTEXT);
    const records: StockLevelRecord[] = [];
    if (wanted !== undefined && locationIds !== undefined) {
      const issues = new InputIssues();
      for (const [index, locationId] of locationIds.entries()) {
        if (!(await repository.getLocation(locationId))) {
          issues.add(`locationIds.${index}`, `unknown location ${JSON.stringify(locationId)}`);
        }
      }
      issues.throwIfAny(CONTEXT);
      for (const locationId of wanted) {
        records.push((await repository.getLevel({ locationId, sku })) ?? emptyLevel(locationId, sku, ''));
      }
    } else {
      let after: string | undefined;
      do {
        const page = await repository.listLevels(
          { sku },
          after === undefined ? { limit: 1000 } : { limit: 1000, after },
        );
        records.push(...page.items);
        after = page.nextCursor ?? undefined;
      } while (after !== undefined);
    }
    const scale = item.scale;
    const sum = (pick: (level: StockLevelRecord) => string) =>
      formatUnits(
        records.reduce((total, level) => total + toUnits(pick(level), scale), 0n),
        scale,
      );
    const onHand = sum((level) => level.onHand);
    const reserved = sum((level) => level.reserved);
    return {
      sku,
      unit: item.unit,
      totals: {
        onHand,
        reserved,
        available: formatUnits(toUnits(onHand, scale) - toUnits(reserved, scale), scale),
        incoming: sum((level) => level.incoming),
        inTransit: sum((level) => level.inTransit),
      },
      locations: records.map((level) => toStockLevel(level, item)),
    };
  });
}
