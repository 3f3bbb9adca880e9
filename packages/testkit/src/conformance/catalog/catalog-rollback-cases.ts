import { expect } from 'vitest';
import { rejection } from '../../assertions/rejection.js';
import { stream } from '../case-helpers.js';
import { as, type CatalogCase, catalogOf, catalogSnapshot, seedBasics } from './catalog-case-helpers.js';

/** Refused commands and throwing transactions leave no trace. */
export const catalogRollbackCases: readonly CatalogCase[] = [
  {
    id: 'catalog.rollback.failed-command-leaves-nothing',
    title: 'a SKU refused for a taken barcode leaves no SKU, no claimed barcode and no event',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      await catalog.createSku({ code: 'A', productId: 'p', barcodes: [{ barcode: '96385074' }] }, as);
      const before = await catalogSnapshot(context);
      const error = await rejection(
        catalog.createSku(
          {
            code: 'B',
            productId: 'p',
            barcodes: [{ barcode: '4006381333931' }, { barcode: '0000096385074' }],
          },
          as,
        ),
      );
      expect(error).toMatchObject({ code: 'CONFLICT', details: { sku: 'A' } });
      expect(await catalogSnapshot(context)).toEqual(before);
      expect(await catalog.findByBarcode({ barcode: '4006381333931' }, as)).toBeNull();
      expect(await stream(context, 'sku:B')).toEqual([]);
      // The code is free: the same SKU can be created once the clash is gone.
      await catalog.createSku({ code: 'B', productId: 'p', barcodes: [{ barcode: '4006381333931' }] }, as);
    },
  },
  {
    id: 'catalog.rollback.throw-leaves-nothing',
    title: 'a transaction that writes every catalog table and then throws leaves none of it',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      await catalog.createCategory({ id: 'sub', name: 'Sub', parentId: 'shop' }, as);
      await catalog.createSku(
        { code: 'S', productId: 'p', barcodes: [{ barcode: 'KEEP', symbology: 'other' }] },
        as,
      );
      await catalog.createPriceList({ id: 'pl', name: 'PL', currency: 'EUR' }, as);
      await catalog.setPrice(
        { priceListId: 'pl', sku: 'S', amount: { amount: '1.00', currency: 'EUR' } },
        as,
      );
      const before = await catalogSnapshot(context);
      const at = '2025-03-01T12:00:00.000Z';
      const boom = new Error('boom');
      const error = await rejection(
        context.storage.transaction(async (tx) => {
          const { catalog: repo } = tx;
          const shop = await repo.getCategory('shop');
          const product = await repo.getProduct('p');
          const sku = await repo.getSku('S');
          const taxClass = await repo.getTaxClass('standard');
          const priceList = await repo.getPriceList('pl');
          const [price] = await repo.listPricesForSku('S');
          if (!shop || !product || !sku || !taxClass || !priceList || !price) throw new Error('seed missing');
          await repo.putCategory({ ...shop, path: '/moved/', name: 'Moved', version: 2, updatedAt: at }, 1);
          await repo.repathCategories('/shop/', '/moved/', at);
          await repo.putCategory({ ...shop, id: 'new', path: '/new/' }, null);
          await repo.putTaxClass({ ...taxClass, rate: '0', version: 2 }, 1);
          await repo.putProduct(
            { ...product, name: 'Changed', version: product.version + 1 },
            product.version,
          );
          await repo.putSku({ ...sku, code: 'S2', nameKey: 'zz' }, null);
          await repo.putSku({ ...sku, status: 'discontinued', version: 2 }, 1);
          await repo.claimBarcode({
            key: 'LOST',
            barcode: 'LOST',
            symbology: 'other',
            sku: 'S',
            createdAt: at,
          });
          await repo.releaseBarcode('KEEP', 'S');
          await repo.putPriceList({ ...priceList, priority: 100, version: 2 }, 1);
          await repo.putPrice({ ...price, id: 'extra' }, null);
          await repo.deletePrice(price.id);
          throw boom;
        }),
      );
      expect(error).toBe(boom);
      expect(await catalogSnapshot(context)).toEqual(before);
      expect(await context.storage.transaction((tx) => tx.catalog.findSkuByBarcode('LOST'))).toBeUndefined();
    },
  },
];
