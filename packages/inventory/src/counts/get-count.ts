import { type Actor, type CommandRunner, idSchema, NotFoundError, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { loadItems } from '../shared/load-items.js';
import { queryDocument } from '../shared/query-document.js';
import { type StockCount, toStockCount } from './count-view.js';

/** Input of {@link getCount}. */
export const getCountInput = z.strictObject({
  /** The count id. */
  countId: idSchema,
});

/**
 * One count with its lines. Needs `inventory.read` in the count's location. While a blind count is
 * open its expected quantities are null, for everyone: use the variance report (which needs
 * `inventory.count-review` for an open blind count) to compare.
 */
export async function getCount(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof getCountInput>,
  options: { readonly actor: Actor },
): Promise<StockCount> {
  const { countId } = parseInput(getCountInput, input, 'inventory.get-count input');
  return queryDocument(runner, options.actor, {
    load: async (repository) => {
      const record = await repository.getCount(countId);
      if (!record) return undefined;
      return toStockCount(
        record,
        await loadItems(
          repository,
          record.lines.map((line) => line.sku),
        ),
      );
    },
    storesOf: (count) => [count.locationId],
    notFound: () => new NotFoundError('count', countId),
  });
}
