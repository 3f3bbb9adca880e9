import { currencySchema, Money, NotFoundError, RetailKitError } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogRepositories } from '../catalog-repository.js';
import type { CatalogQuery } from '../queries/catalog-query.js';
import { defineCatalogQuery } from '../queries/define-catalog-query.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { instantSchema } from '../validation/instant-schema.js';
import { invalidField } from '../validation/invalid-field.js';
import { requireFound } from '../validation/require-found.js';
import type { PriceListRecord } from './price-list-record.js';
import type { PriceRecord } from './price-record.js';
import type { ResolvedPrice } from './resolved-price.js';
import { isValidAt } from './validity.js';

/** Input of `resolvePrice`. */
export interface ResolvePriceInput {
  /** The SKU code. */
  readonly sku: string;
  /** The store selling it. */
  readonly storeId: string;
  /** The instant (a Date or ISO-8601 with Z or an offset); now, by the runner's clock, when left out. */
  readonly at?: Date | string | undefined;
  /** Only prices in this currency; needed when the SKU is priced in several (by lists or list prices). */
  readonly currency?: string | undefined;
}

const schema: z.ZodType<ResolvePriceInput, ResolvePriceInput> = z.strictObject({
  sku: catalogIdSchema,
  storeId: catalogIdSchema,
  at: z
    .union([
      z.date().refine((date) => date.getUTCFullYear() <= 9999, 'must be before the year 10000'),
      instantSchema,
    ])
    .optional(),
  currency: currencySchema.optional(),
});

type Candidate = { readonly price: PriceRecord; readonly list: PriceListRecord };

// Higher priority first; then a store's own price before the list's chain-wide one; then by list
// id and price id, so equal priorities always resolve the same way.
function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.list.priority !== b.list.priority) return b.list.priority - a.list.priority;
  if ((a.price.storeId === null) !== (b.price.storeId === null)) return a.price.storeId === null ? 1 : -1;
  if (a.list.id !== b.list.id) return a.list.id < b.list.id ? -1 : 1;
  return a.price.id < b.price.id ? -1 : a.price.id > b.price.id ? 1 : 0;
}

/**
 * The `resolvePrice` query's read inside a transaction you already hold, for modules that price within
 * their own command (the `retailkit` facade's orders): the same rules, without authorisation.
 */
export async function readResolvedPrice(
  tx: CatalogRepositories,
  input: ResolvePriceInput,
  now: Date,
): Promise<ResolvedPrice> {
  const { catalog } = tx;
  const at = input.at === undefined ? now.toISOString() : new Date(input.at).toISOString();
  const sku = requireFound('sku', input.sku, await catalog.getSku(input.sku));
  const product = await catalog.getProduct(sku.productId);
  const taxClass = product && (await catalog.getTaxClass(product.taxClassId));
  if (!product || !taxClass) {
    throw new RetailKitError('INTERNAL', `SKU ${sku.code} refers to a missing product or tax class`);
  }
  const tax = { taxClassId: taxClass.id, taxRate: taxClass.storeRates[input.storeId] ?? taxClass.rate };
  const base = { sku: sku.code, storeId: input.storeId, at };

  const lists = new Map((await catalog.listPriceLists()).map((list) => [list.id, list]));
  const candidates: Candidate[] = [];
  for (const price of await catalog.listPricesForSku(sku.code)) {
    const list = lists.get(price.priceListId);
    if (
      list !== undefined &&
      (list.storeIds === null || list.storeIds.includes(input.storeId)) &&
      (input.currency === undefined || list.currency === input.currency) &&
      (price.storeId === null || price.storeId === input.storeId) &&
      isValidAt(price, at)
    ) {
      candidates.push({ price, list });
    }
  }
  const currencies = [...new Set(candidates.map((candidate) => candidate.list.currency))].sort();
  if (currencies.length > 1) {
    throw invalidField(
      'catalog.resolve-price',
      'currency',
      `price lists in ${currencies.join(', ')} price SKU ${JSON.stringify(sku.code)} in store ${JSON.stringify(input.storeId)}: name the currency`,
    );
  }
  const [best] = candidates.sort(compareCandidates);
  if (best) {
    return {
      ...base,
      price: Money.fromJSON(best.price.amount),
      source: 'price-list',
      priceListId: best.list.id,
      priceId: best.price.id,
      ...tax,
    };
  }

  const listPrices =
    input.currency === undefined
      ? sku.listPrices
      : sku.listPrices.filter((p) => p.currency === input.currency);
  if (listPrices.length > 1) {
    const currencies = listPrices.map((p) => p.currency).join(', ');
    throw invalidField(
      'catalog.resolve-price',
      'currency',
      `SKU ${JSON.stringify(sku.code)} has list prices in ${currencies}: name the currency`,
    );
  }
  const [listPrice] = listPrices;
  if (!listPrice) {
    throw new NotFoundError('price', sku.code, {
      details: { storeId: input.storeId, at, currency: input.currency ?? null },
    });
  }
  return { ...base, price: Money.fromJSON(listPrice), source: 'list-price', ...tax };
}

/**
 * The price of a SKU in a store at an instant: among the price lists that apply to the store (and
 * are in `currency`, when given), the price valid at `at` in the list of highest priority, a
 * store's own price winning over the list's chain-wide one; otherwise the SKU's list price in the
 * currency. With the product's tax class and its rate in the store. NotFoundError when neither
 * exists; a ValidationError on `currency` when it is left out and valid prices (or, without
 * them, list prices) exist in several currencies.
 */
export const resolvePrice: CatalogQuery<ResolvePriceInput, ResolvedPrice> = defineCatalogQuery({
  name: 'catalog.resolve-price',
  input: schema,
  storeId: (input) => input.storeId,
  read: readResolvedPrice,
});
