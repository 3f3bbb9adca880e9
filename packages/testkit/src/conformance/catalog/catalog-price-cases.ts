import type { Catalog } from '@retailkit/catalog';
import { isRetailKitError } from '@retailkit/core';
import { expect } from 'vitest';
import { rejection } from '../../assertions/rejection.js';
import { validationPaths } from '../../assertions/validation-paths.js';
import { as, type CatalogCase, catalogOf, catalogSnapshot, seedBasics } from './catalog-case-helpers.js';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

async function pricedSku(catalog: Catalog): Promise<void> {
  await seedBasics(catalog);
  await catalog.createSku({ code: 'S', productId: 'p', listPrices: [eur('10.00')] }, as);
  await catalog.createPriceList({ id: 'base', name: 'Base', currency: 'EUR' }, as);
  await catalog.createPriceList({ id: 'promo', name: 'Promo', currency: 'EUR', priority: 5 }, as);
  await catalog.createPriceList(
    { id: 'north', name: 'North', currency: 'EUR', priority: 9, storeIds: ['n1', 'n2'] },
    as,
  );
}

async function resolved(catalog: Catalog, storeId: string, at: string): Promise<[string, string | null]> {
  const price = await catalog.resolvePrice({ sku: 'S', storeId, at }, as);
  return [price.price.amount, price.priceListId ?? null];
}

/** Price validity, priorities, store scoping and overlap refusal. */
export const catalogPriceCases: readonly CatalogCase[] = [
  {
    id: 'catalog.price.validity-boundaries',
    title: 'a price applies from validFrom inclusive to validTo exclusive, to the millisecond',
    run: async (context) => {
      const catalog = catalogOf(context);
      await pricedSku(catalog);
      await catalog.setPrice(
        {
          priceListId: 'promo',
          sku: 'S',
          amount: eur('7.00'),
          validFrom: '2025-06-01T00:00:00+02:00',
          validTo: '2025-06-02T00:00:00+02:00',
        },
        as,
      );
      expect(await resolved(catalog, 's', '2025-05-31T21:59:59.999Z')).toEqual(['10.00', null]);
      expect(await resolved(catalog, 's', '2025-05-31T22:00:00.000Z')).toEqual(['7.00', 'promo']);
      expect(await resolved(catalog, 's', '2025-06-01T21:59:59.999Z')).toEqual(['7.00', 'promo']);
      expect(await resolved(catalog, 's', '2025-06-01T22:00:00.000Z')).toEqual(['10.00', null]);
    },
  },
  {
    id: 'catalog.price.priority-and-stores',
    title: 'the highest-priority list of the store wins, a store price beats its list-wide price',
    run: async (context) => {
      const catalog = catalogOf(context);
      await pricedSku(catalog);
      const at = '2025-03-01T12:00:00.000Z';
      await catalog.setPrice({ priceListId: 'base', sku: 'S', amount: eur('9.00') }, as);
      await catalog.setPrice(
        { priceListId: 'promo', sku: 'S', amount: eur('8.00'), validTo: '2025-03-02T00:00:00Z' },
        as,
      );
      await catalog.setPrice({ priceListId: 'north', sku: 'S', amount: eur('8.50') }, as);
      await catalog.setPrice({ priceListId: 'north', sku: 'S', amount: eur('8.25'), storeId: 'n2' }, as);
      expect(await resolved(catalog, 'south', at)).toEqual(['8.00', 'promo']);
      expect(await resolved(catalog, 'n1', at)).toEqual(['8.50', 'north']);
      expect(await resolved(catalog, 'n2', at)).toEqual(['8.25', 'north']);
      expect(await resolved(catalog, 'south', '2025-03-02T00:00:00.000Z')).toEqual(['9.00', 'base']);
      const price = await catalog.resolvePrice({ sku: 'S', storeId: 'n2', at }, as);
      expect(price).toMatchObject({ source: 'price-list', taxClassId: 'standard', taxRate: '19' });
    },
  },
  {
    id: 'catalog.price.overlap-refused',
    title: 'an overlapping validity for the same list, SKU and store is refused; touching is fine',
    run: async (context) => {
      const catalog = catalogOf(context);
      await pricedSku(catalog);
      const window = { validFrom: '2025-03-01T00:00:00Z', validTo: '2025-04-01T00:00:00Z' };
      await catalog.setPrice({ priceListId: 'promo', sku: 'S', amount: eur('5.00'), ...window }, as);
      const before = await catalogSnapshot(context);
      for (const validity of [
        {},
        { validFrom: '2025-03-31T23:59:59.999Z' },
        { validTo: '2025-03-01T00:00:00.001Z' },
      ]) {
        const error = await rejection(
          catalog.setPrice({ priceListId: 'promo', sku: 'S', amount: eur('4.00'), ...validity }, as),
        );
        expect(validationPaths(error)).toEqual(['validFrom']);
      }
      expect(await catalogSnapshot(context)).toEqual(before);
      await catalog.setPrice(
        { priceListId: 'promo', sku: 'S', amount: eur('6.00'), validFrom: window.validTo },
        as,
      );
      await catalog.setPrice(
        { priceListId: 'promo', sku: 'S', amount: eur('6.00'), validTo: window.validFrom },
        as,
      );
      await catalog.setPrice({ priceListId: 'base', sku: 'S', amount: eur('6.00'), ...window }, as);
      expect(await catalog.listPrices({ sku: 'S' }, as)).toHaveLength(4);
    },
  },
  {
    id: 'catalog.price.concurrent-overlapping-sets-one-wins',
    title: 'of concurrent overlapping prices for one list and SKU, exactly one is stored',
    run: async (context) => {
      const catalog = catalogOf(context);
      await pricedSku(catalog);
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) =>
          catalog.setPrice(
            {
              priceListId: 'promo',
              sku: 'S',
              amount: eur(`${i + 1}.00`),
              validFrom: `2025-03-0${i + 1}T00:00:00Z`,
            },
            as,
          ),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(isRetailKitError(result.reason, 'VALIDATION_FAILED')).toBe(true);
        }
      }
      expect(await catalog.listPrices({ sku: 'S', priceListId: 'promo' }, as)).toHaveLength(1);
    },
  },
];
