import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { catalogNameSchema } from '../validation/catalog-name-schema.js';
import { expectedVersionSchema } from '../validation/expected-version-schema.js';
import { nextVersion } from '../validation/next-version.js';
import { requireCurrent } from '../validation/require-current.js';
import { priceListStoresSchema, prioritySchema } from './price-list-fields.js';
import type { PriceListRecord } from './price-list-record.js';

/** Input of `catalog.update-price-list`: the fields to change; the currency cannot change. */
export interface UpdatePriceListInput {
  /** The price list to change. */
  readonly id: string;
  /** Refuse the change (ConflictError, not retried) unless the list is still at this version. */
  readonly expectedVersion?: number | undefined;
  /** A new display name. */
  readonly name?: string | undefined;
  /** The stores it applies to from now on, or null for every store. */
  readonly storeIds?: readonly string[] | null | undefined;
  /** A new priority. */
  readonly priority?: number | undefined;
}

const schema: z.ZodType<UpdatePriceListInput, UpdatePriceListInput> = z.strictObject({
  id: catalogIdSchema,
  expectedVersion: expectedVersionSchema.optional(),
  name: catalogNameSchema.optional(),
  storeIds: priceListStoresSchema.optional(),
  priority: prioritySchema.optional(),
  currency: z.never({ error: 'cannot change: its prices are in it; create another price list' }).optional(),
});

/**
 * Changes a price list's name, stores or priority. Store prices of stores the list no longer
 * applies to stay stored but stop applying. Emits `catalog.price-list-updated` when anything changed.
 */
export const updatePriceList: CatalogCommand<UpdatePriceListInput, PriceListRecord> = defineCommand({
  name: 'catalog.update-price-list',
  permission: CATALOG_PERMISSIONS.price,
  input: schema,
  handler: async (ctx, input) => {
    const stored = await ctx.tx.catalog.getPriceList(input.id);
    const current = requireCurrent('price list', input.id, stored, input.expectedVersion);
    const { next, changed } = nextVersion<PriceListRecord>(
      current,
      {
        name: input.name ?? current.name,
        storeIds:
          input.storeIds === undefined
            ? current.storeIds
            : input.storeIds === null
              ? null
              : [...input.storeIds],
        priority: input.priority ?? current.priority,
      },
      ctx.now,
    );
    if (changed.length === 0) return current;
    await ctx.tx.catalog.putPriceList(next, current.version);
    emitCatalogEvent(ctx, 'catalog.price-list-updated', catalogStreams.priceList(next.id), {
      priceList: next,
      previous: current,
      changed,
    });
    return next;
  },
});
