import { currencySchema, defineCommand, getCurrency } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { alreadyExists } from '../validation/already-exists.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { catalogNameSchema } from '../validation/catalog-name-schema.js';
import { priceListStoresSchema, prioritySchema } from './price-list-fields.js';
import type { PriceListRecord } from './price-list-record.js';

/** Input of `catalog.create-price-list`. */
export interface CreatePriceListInput {
  /** The id, e.g. `summer-sale`; generated when left out. */
  readonly id?: string | undefined;
  /** Display name. */
  readonly name: string;
  /** The ISO 4217 currency of every price in the list. Fixed once created. */
  readonly currency: string;
  /** The stores it applies to; every store when left out or null. */
  readonly storeIds?: readonly string[] | null | undefined;
  /** Higher wins when several lists price a SKU at once; 0 when left out. */
  readonly priority?: number | undefined;
}

const schema: z.ZodType<CreatePriceListInput, CreatePriceListInput> = z.strictObject({
  id: catalogIdSchema.optional(),
  name: catalogNameSchema,
  currency: currencySchema,
  storeIds: priceListStoresSchema.optional(),
  priority: prioritySchema.optional(),
});

/** Creates a price list. Emits `catalog.price-list-created`. */
export const createPriceList: CatalogCommand<CreatePriceListInput, PriceListRecord> = defineCommand({
  name: 'catalog.create-price-list',
  permission: CATALOG_PERMISSIONS.price,
  input: schema,
  handler: async (ctx, input) => {
    const id = input.id ?? ctx.ids.next();
    if (await ctx.tx.catalog.getPriceList(id)) throw alreadyExists('price list', id);
    const now = ctx.now.toISOString();
    const priceList: PriceListRecord = {
      id,
      name: input.name,
      currency: getCurrency(input.currency).code,
      storeIds: input.storeIds ? [...input.storeIds] : null,
      priority: input.priority ?? 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await ctx.tx.catalog.putPriceList(priceList, null);
    emitCatalogEvent(ctx, 'catalog.price-list-created', catalogStreams.priceList(id), { priceList });
    return priceList;
  },
});
