import { type Actor, type CommandRunner, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema, pageRequestSchema } from '../shared/inventory-schemas.js';
import { itemsBySku } from '../shared/items-by-sku.js';
import { emptyLevel } from '../stock/stock-level-view.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { ReorderMethod, ReplenishmentSource } from '../storage/inventory-records.js';
import type { Page } from '../storage/inventory-repository.js';

/** Input of {@link lowStockReport}. */
export const lowStockReportInput = z.strictObject({
  ...pageRequestSchema.shape,
  /** Only this location; omit for every location (a chain-wide read). */
  locationId: locationIdSchema.optional(),
});

/** A SKU below its reorder point, with the figures behind it. */
export type LowStockRow = {
  /** The location. */
  readonly locationId: string;
  /** The SKU. */
  readonly sku: string;
  /** The item's name. */
  readonly name: string;
  /** The item's category, if any. */
  readonly categoryId: string | null;
  /** The item's unit code. */
  readonly unit: string;
  /** Physically there. */
  readonly onHand: string;
  /** Promised to open reservations. */
  readonly reserved: string;
  /** On hand − reserved. */
  readonly available: string;
  /** Expected from open purchase orders and transfers. */
  readonly incoming: string;
  /** Available + incoming, what the rule compares. */
  readonly position: string;
  /** The rule's reorder point. */
  readonly reorderPoint: string;
  /** Reorder point − position: how far below it the SKU is. */
  readonly shortfall: string;
  /** The level's safety stock. */
  readonly safetyStock: string;
  /** How the rule sizes suggestions. */
  readonly method: ReorderMethod;
  /** Where replenishment comes from. */
  readonly source: ReplenishmentSource;
};

/**
 * The SKUs whose position (available + incoming) is below their reorder rule's point, ordered by
 * location then SKU. Pages through the rules: each page holds at most `limit` rows and may hold
 * fewer; keep reading while `nextCursor` is not null. Needs `inventory.read` in the location
 * (chain-wide without `locationId`).
 */
export async function lowStockReport(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof lowStockReportInput>,
  options: { readonly actor: Actor },
): Promise<Page<LowStockRow>> {
  const { limit, after, locationId } = parseInput(
    lowStockReportInput,
    input,
    'inventory.low-stock-report input',
  );
  return runner.query(inventoryRead(options.actor, locationId), async (tx) => {
    const repository = tx.inventory;
    const rows: LowStockRow[] = [];
    let cursor = after;
    let nextCursor: string | null = null;
    const now = runner.clock.now().toISOString();
    // Ask each time for no more rules than rows still wanted, so the page can end exactly on a
    // rule boundary and `nextCursor` resumes right after it.
    do {
      const page = await repository.listReorderRules(
        { locationId },
        { limit: limit - rows.length, ...(cursor === undefined ? {} : { after: cursor }) },
      );
      const items = await itemsBySku(
        repository,
        page.items.map((rule) => rule.sku),
      );
      for (const rule of page.items) {
        const item = items.get(rule.sku);
        if (!item) continue;
        const scale = item.scale;
        const level = (await repository.getLevel(rule)) ?? emptyLevel(rule.locationId, rule.sku, now);
        const onHand = toUnits(level.onHand, scale);
        const reserved = toUnits(level.reserved, scale);
        const incoming = toUnits(level.incoming, scale);
        const position = onHand - reserved + incoming;
        const reorderPoint = toUnits(rule.reorderPoint, scale);
        if (position >= reorderPoint) continue;
        rows.push({
          locationId: rule.locationId,
          sku: rule.sku,
          name: item.name,
          categoryId: item.categoryId,
          unit: item.unit,
          onHand: formatUnits(onHand, scale),
          reserved: formatUnits(reserved, scale),
          available: formatUnits(onHand - reserved, scale),
          incoming: formatUnits(incoming, scale),
          position: formatUnits(position, scale),
          reorderPoint: formatUnits(reorderPoint, scale),
          shortfall: formatUnits(reorderPoint - position, scale),
          safetyStock: formatUnits(toUnits(level.safetyStock, scale), scale),
          method: rule.method,
          source: rule.source,
        });
      }
      nextCursor = page.nextCursor;
      cursor = nextCursor ?? undefined;
    } while (cursor !== undefined && rows.length < limit);
    return { items: rows, nextCursor };
  });
}
