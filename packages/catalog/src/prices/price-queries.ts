import { z } from 'zod';
import type { CatalogQuery } from '../queries/catalog-query.js';
import { defineCatalogQuery } from '../queries/define-catalog-query.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { requireFound } from '../validation/require-found.js';
import type { PriceListRecord } from './price-list-record.js';
import type { PriceRecord } from './price-record.js';

/** Input of `getPriceList`. */
export interface GetPriceListInput {
  /** The price list id. */
  readonly id: string;
}

/** Input of `listPrices`. */
export interface ListPricesInput {
  /** The SKU code. */
  readonly sku: string;
  /** Only the prices of this list. */
  readonly priceListId?: string | undefined;
}

/** The price list with this id; NotFoundError when there is none. */
export const getPriceList: CatalogQuery<GetPriceListInput, PriceListRecord> = defineCatalogQuery({
  name: 'catalog.get-price-list',
  input: z.strictObject({ id: catalogIdSchema }),
  read: async (tx, input) => requireFound('price list', input.id, await tx.catalog.getPriceList(input.id)),
});

/** Every price list, ordered by id. */
export const listPriceLists: CatalogQuery<
  Record<string, never>,
  readonly PriceListRecord[]
> = defineCatalogQuery({
  name: 'catalog.list-price-lists',
  input: z.strictObject({}),
  read: (tx) => tx.catalog.listPriceLists(),
});

/** The prices of a SKU in every list (or one), past and future ones included, ordered by id. */
export const listPrices: CatalogQuery<ListPricesInput, readonly PriceRecord[]> = defineCatalogQuery({
  name: 'catalog.list-prices',
  input: z.strictObject({ sku: catalogIdSchema, priceListId: catalogIdSchema.optional() }),
  read: async (tx, input) => {
    const prices = await tx.catalog.listPricesForSku(input.sku);
    return input.priceListId === undefined
      ? prices
      : prices.filter((p) => p.priceListId === input.priceListId);
  },
});
