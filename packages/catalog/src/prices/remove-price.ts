import { ConflictError, defineCommand, RetailKitError } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { invalidField } from '../validation/invalid-field.js';
import { requireFound } from '../validation/require-found.js';
import type { PriceRecord } from './price-record.js';

/** Input of `catalog.remove-price`. */
export interface RemovePriceInput {
  /** The price to remove. */
  readonly priceId: string;
  /** The store of a store price (required for one, refused for a chain-wide price): binds the command to it. */
  readonly storeId?: string | null | undefined;
}

const schema: z.ZodType<RemovePriceInput, RemovePriceInput> = z.strictObject({
  priceId: catalogIdSchema,
  storeId: catalogIdSchema.nullable().optional(),
});

/** Removes a price. Emits `catalog.price-removed`. */
export const removePrice: CatalogCommand<RemovePriceInput, PriceRecord> = defineCommand({
  name: 'catalog.remove-price',
  permission: CATALOG_PERMISSIONS.price,
  input: schema,
  storeId: (input) => input.storeId ?? undefined,
  handler: async (ctx, input) => {
    const { catalog } = ctx.tx;
    const price = requireFound('price', input.priceId, await catalog.getPrice(input.priceId));
    // The store named in the input is the one the actor was authorised in: it must be the price's.
    const storeId = input.storeId ?? null;
    if (price.storeId !== storeId) {
      throw invalidField(
        ctx.command,
        'storeId',
        price.storeId === null
          ? 'must be left out: the price applies to every store of its list'
          : `must be ${JSON.stringify(price.storeId)}, the store of the price`,
      );
    }
    const priceList = await catalog.getPriceList(price.priceListId);
    if (!priceList) {
      throw new RetailKitError(
        'INTERNAL',
        `price ${price.id} refers to a missing price list ${price.priceListId}`,
      );
    }
    // The read above takes no lock: a concurrent removal may have deleted it since. Retrying reads
    // again and answers NotFoundError, rather than reporting the removal a second time.
    if (!(await catalog.deletePrice(price.id))) {
      throw new ConflictError(`price ${JSON.stringify(price.id)} was removed concurrently`, {
        details: { entity: 'price', id: price.id },
      });
    }
    emitCatalogEvent(
      ctx,
      'catalog.price-removed',
      catalogStreams.sku(price.sku),
      { price, priceList },
      price.storeId,
    );
    return price;
  },
});
