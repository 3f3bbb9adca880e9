import { type Actor, type CommandRunner, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema, pageRequestSchema, skuSchema } from '../shared/inventory-schemas.js';
import { itemsBySku } from '../shared/items-by-sku.js';
import type { Page } from '../storage/inventory-repository.js';
import { type ReplenishmentSuggestion, toSuggestion } from './suggestion-view.js';

/** Input of {@link listSuggestions}: optional filters and paging. */
export const listSuggestionsInput = z.strictObject({
  ...pageRequestSchema.shape,
  /** Only this location (required for actors limited to some stores). */
  locationId: locationIdSchema.optional(),
  /** Only this SKU. */
  sku: skuSchema.optional(),
  /** Only suggestions in this state. */
  status: z.literal(['open', 'converted', 'dismissed']).optional(),
});

/**
 * Replenishment suggestions ordered by id (creation order), a page at a time. Needs
 * `inventory.read` in the location (chain-wide without `locationId`).
 */
export async function listSuggestions(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof listSuggestionsInput>,
  options: { readonly actor: Actor },
): Promise<Page<ReplenishmentSuggestion>> {
  const { limit, after, ...filter } = parseInput(
    listSuggestionsInput,
    input,
    'inventory.list-suggestions input',
  );
  return runner.query(inventoryRead(options.actor, filter.locationId), async (tx) => {
    const repository = tx.inventory;
    const page = await repository.listSuggestions(filter, { limit, after });
    const items = await itemsBySku(
      repository,
      page.items.map((row) => row.sku),
    );
    const rows: ReplenishmentSuggestion[] = [];
    for (const record of page.items) {
      const item = items.get(record.sku);
      if (item) rows.push(toSuggestion(record, item));
    }
    return { items: rows, nextCursor: page.nextCursor };
  });
}
