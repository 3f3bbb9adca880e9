import { type Actor, type CommandRunner, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { locationIdSchema, pageRequestSchema, skuSchema } from '../shared/inventory-schemas.js';
import type { TransferRecord } from '../storage/inventory-records.js';
import type { Page } from '../storage/inventory-repository.js';

/** The states a transfer can be in. */
export const transferStatusSchema = z.literal([
  'draft',
  'requested',
  'approved',
  'shipped',
  'partially-received',
  'received',
  'cancelled',
]);

/** Input of {@link listTransfers}: filters and paging. */
export const listTransfersInput = z.strictObject({
  ...pageRequestSchema.shape,
  /** Only transfers from or to this location; without it the listing is chain-wide. */
  locationId: locationIdSchema.optional(),
  /** With `locationId`: `inbound` for transfers to it only; `either` (default) for both directions. */
  direction: z.literal(['either', 'inbound']).default('either'),
  /** Only transfers in these states. */
  statuses: z.array(transferStatusSchema).min(1).max(50).optional(),
  /** Only transfers with a line for this SKU. */
  sku: skuSchema.optional(),
});

/**
 * Lists transfers by id, a page at a time (permission `inventory.read`, in `locationId` when given,
 * else chain-wide).
 */
export async function listTransfers(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof listTransfersInput>,
  options: { readonly actor: Actor },
): Promise<Page<TransferRecord>> {
  const { limit, after, locationId, direction, statuses, sku } = parseInput(
    listTransfersInput,
    input,
    'listTransfers input',
  );
  return runner.query(inventoryRead(options.actor, locationId), (tx) =>
    tx.inventory.listTransfers(
      direction === 'inbound' ? { toLocationId: locationId, statuses, sku } : { locationId, statuses, sku },
      { limit, after },
    ),
  );
}
