import { type Actor, type CommandRunner, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema, pageRequestSchema } from '../shared/inventory-schemas.js';
import type { StockCountStatus } from '../storage/inventory-records.js';
import type { Page } from '../storage/inventory-repository.js';

/** Input of {@link listCounts}. */
export const listCountsInput = z.strictObject({
  ...pageRequestSchema.shape,
  /** The location. */
  locationId: locationIdSchema,
  /** Only counts in this state. */
  status: z.literal(['open', 'posted', 'cancelled']).optional(),
});

/** A count without its lines, as lists show it. */
export type StockCountSummary = {
  /** Count id. */
  readonly id: string;
  /** The location counted. */
  readonly locationId: string;
  /** `open`, `posted` or `cancelled`. */
  readonly status: StockCountStatus;
  /** Whether it is blind. */
  readonly blind: boolean;
  /** `all` or `skus`. */
  readonly scope: 'all' | 'skus';
  /** Number of lines. */
  readonly lineCount: number;
  /** Number of lines counted so far. */
  readonly countedCount: number;
  /** When it opened. */
  readonly openedAt: string;
  /** When it was posted. */
  readonly postedAt: string | null;
};

/** The counts of a location ordered by id (opening order), a page at a time. Needs `inventory.read` there. */
export async function listCounts(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof listCountsInput>,
  options: { readonly actor: Actor },
): Promise<Page<StockCountSummary>> {
  const { limit, after, locationId, status } = parseInput(
    listCountsInput,
    input,
    'inventory.list-counts input',
  );
  return runner.query(inventoryRead(options.actor, locationId), async (tx) => {
    const page = await tx.inventory.listCounts({ locationId, status }, { limit, after });
    return {
      items: page.items.map((count) => ({
        id: count.id,
        locationId: count.locationId,
        status: count.status,
        blind: count.blind,
        scope: count.scope,
        lineCount: count.lines.length,
        countedCount: count.lines.filter((line) => line.counted !== null).length,
        openedAt: count.openedAt,
        postedAt: count.postedAt,
      })),
      nextCursor: page.nextCursor,
    };
  });
}
