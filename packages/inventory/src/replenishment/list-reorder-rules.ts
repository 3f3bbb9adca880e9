import { type Actor, type CommandRunner, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema, pageRequestSchema, skuSchema } from '../shared/inventory-schemas.js';
import { itemsBySku } from '../shared/items-by-sku.js';
import type { Page } from '../storage/inventory-repository.js';
import { type ReorderRule, toReorderRule } from './reorder-rule-view.js';

/** Input of {@link listReorderRules}: optional filters and paging. */
export const listReorderRulesInput = z.strictObject({
  ...pageRequestSchema.shape,
  /** Only this location (required for actors limited to some stores). */
  locationId: locationIdSchema.optional(),
  /** Only this SKU. */
  sku: skuSchema.optional(),
});

/**
 * Reorder rules ordered by location then SKU, a page at a time, with each level's safety stock.
 * Needs `inventory.read` in the location (chain-wide without `locationId`).
 */
export async function listReorderRules(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof listReorderRulesInput>,
  options: { readonly actor: Actor },
): Promise<Page<ReorderRule>> {
  const { locationId, sku, limit, after } = parseInput(
    listReorderRulesInput,
    input,
    'inventory.list-reorder-rules input',
  );
  return runner.query(inventoryRead(options.actor, locationId), async (tx) => {
    const repository = tx.inventory;
    const page = await repository.listReorderRules({ locationId, sku }, { limit, after });
    const items = await itemsBySku(
      repository,
      page.items.map((rule) => rule.sku),
    );
    const rules: ReorderRule[] = [];
    for (const record of page.items) {
      const item = items.get(record.sku);
      if (!item) continue;
      rules.push(toReorderRule(record, item, await repository.getLevel(record)));
    }
    return { items: rules, nextCursor: page.nextCursor };
  });
}
