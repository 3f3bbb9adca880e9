import type { ProductRecord } from '@retailkit/catalog';
import { isRetailKitError } from '@retailkit/core';
import { expect } from 'vitest';
import { rejection } from '../../assertions/rejection.js';
import { validationPaths } from '../../assertions/validation-paths.js';
import { stream } from '../case-helpers.js';
import { as, type CatalogCase, catalogOf, catalogSnapshot, seedBasics } from './catalog-case-helpers.js';

/** Names and ids that trip up SQL (quotes, LIKE wildcards, backslashes) and Unicode handling. */
const ODD_NAMES = [
  'Crème brûlée « fine »',
  '日本茶 (緑)',
  'قهوة عربية',
  'Family 👨‍👩‍👧 pack 🍕',
  'O\'Brien\'s "finest" \\ 100% _pure_',
  'e\u0301clair (decomposed)',
  'ＦＵＬＬ ｗｉｄｔｈ',
];
const ODD_IDS = ["o'brien", '100%_pure', 'back\\slash', 'ünï-cödé', '🍕', '"quoted"', 'a;DROP-TABLE-x'];

/** Records, versions, categories and events, through `createCatalog`. */
export const catalogRecordCases: readonly CatalogCase[] = [
  {
    id: 'catalog.round-trip.records',
    title: 'every record reads back exactly as the command returned it',
    run: async (context) => {
      const catalog = catalogOf(context);
      const taxClass = await catalog.createTaxClass(
        { id: 'reduced', name: 'Reduced', rate: '7.25', storeRates: { 's-1': '5', 's-2': '0' } },
        as,
      );
      const root = await catalog.createCategory({ id: 'root', name: 'Root' }, as);
      const child = await catalog.createCategory({ id: 'child', name: 'Child', parentId: 'root' }, as);
      const product = await catalog.createProduct(
        {
          id: 'prod',
          name: 'Product',
          description: 'Line one\nLine two\ttabbed',
          categoryId: 'child',
          taxClassId: 'reduced',
          status: 'discontinued',
        },
        as,
      );
      const sku = await catalog.createSku(
        {
          code: 'SKU-1',
          productId: 'prod',
          options: { size: 'XL', colour: 'deep blue' },
          unit: { code: 'lb', scale: 2 },
          cost: { amount: '0.5', currency: 'KWD' },
          listPrices: [
            { amount: '1200', currency: 'JPY' },
            { amount: '9.99', currency: 'EUR' },
          ],
          barcodes: [{ barcode: '4006381333931' }, { barcode: 'INT 0001', symbology: 'other' }],
        },
        as,
      );
      const priceList = await catalog.createPriceList(
        { id: 'pl', name: 'Promo', currency: 'EUR', storeIds: ['s-2', 's-1'], priority: -3 },
        as,
      );
      const price = await catalog.setPrice(
        {
          priceListId: 'pl',
          sku: 'SKU-1',
          amount: { amount: '0', currency: 'EUR' },
          validFrom: '2025-03-01T00:00:00+01:00',
          validTo: '2025-03-01T00:00:00.001Z',
          storeId: 's-2',
        },
        as,
      );

      expect(sku.cost).toEqual({ amount: '0.500', currency: 'KWD' });
      expect(price).toMatchObject({
        validFrom: '2025-02-28T23:00:00.000Z',
        validTo: '2025-03-01T00:00:00.001Z',
      });
      expect(await catalog.getTaxClass({ id: 'reduced' }, as)).toEqual(taxClass);
      expect(await catalog.listCategories({}, as)).toEqual([root, child]);
      expect(await catalog.getProduct({ id: 'prod' }, as)).toEqual(product);
      const read = await catalog.getSku({ sku: 'SKU-1' }, as);
      expect({ ...read, barcodes: undefined }).toEqual({ ...sku, barcodes: undefined });
      expect(read.barcodes.map((b) => [b.key, b.barcode, b.symbology, b.sku])).toEqual([
        ['04006381333931', '4006381333931', 'ean-13', 'SKU-1'],
        ['INT 0001', 'INT 0001', 'other', 'SKU-1'],
      ]);
      expect(await catalog.getPriceList({ id: 'pl' }, as)).toEqual(priceList);
      expect(await catalog.listPrices({ sku: 'SKU-1' }, as)).toEqual([price]);
    },
  },
  {
    id: 'catalog.round-trip.odd-strings',
    title: 'Unicode names and ids with quotes, wildcards and backslashes round-trip and are found',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      const created: ProductRecord[] = [];
      for (const [index, name] of ODD_NAMES.entries()) {
        const id = ODD_IDS[index] as string;
        await catalog.createCategory({ id: `c-${id}`, name, parentId: 'shop' }, as);
        created.push(
          await catalog.createProduct({ id, name, categoryId: `c-${id}`, taxClassId: 'standard' }, as),
        );
        await catalog.createSku({ code: `sku-${id}`, productId: id }, as);
      }
      for (const product of created) {
        expect(await catalog.getProduct({ id: product.id }, as)).toEqual(product);
        const byName = await catalog.searchProducts({ namePrefix: product.name }, as);
        expect(byName.items.map((p) => p.id)).toContain(product.id);
        const inCategory = await catalog.searchSkus({ categoryId: `c-${product.id}` }, as);
        expect(inCategory.items.map((s) => s.code)).toEqual([`sku-${product.id}`]);
      }
      // Full-width letters fold to their ASCII forms in the name key.
      const folded = await catalog.searchProducts({ namePrefix: 'full w' }, as);
      expect(folded.items.map((p) => p.id)).toEqual([ODD_IDS[6]]);
    },
  },
  {
    id: 'catalog.version.stale-put-conflicts',
    title: 'a put at a stale version, or an insert of an existing id, is a retryable ConflictError',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      await catalog.updateProduct({ id: 'p', name: 'Renamed' }, as);
      const product = await catalog.getProduct({ id: 'p' }, as);
      for (const expectedVersion of [1, 3, null]) {
        const error = await rejection(
          context.storage.transaction((tx) =>
            tx.catalog.putProduct({ ...product, name: 'Lost', version: 9 }, expectedVersion),
          ),
        );
        expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
        expect((error as { retryable: boolean }).retryable).toBe(true);
      }
      expect(await catalog.getProduct({ id: 'p' }, as)).toEqual(product);
      // The right version goes through.
      await context.storage.transaction((tx) =>
        tx.catalog.putProduct({ ...product, name: 'Kept', version: 3 }, 2),
      );
      expect(await catalog.getProduct({ id: 'p' }, as)).toMatchObject({ name: 'Kept', version: 3 });
    },
  },
  {
    id: 'catalog.version.stale-expected-version-refused',
    title: 'an update from a stale read is refused without retries and changes nothing',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      await catalog.updateProduct({ id: 'p', name: 'Second', expectedVersion: 1 }, as);
      const before = await catalogSnapshot(context);
      const outcome = await rejection(
        catalog.updateProduct({ id: 'p', name: 'Third', expectedVersion: 1 }, as),
      );
      expect(outcome).toMatchObject({ code: 'CONFLICT', retryable: false, details: { version: 2 } });
      expect(await catalogSnapshot(context)).toEqual(before);
      expect(await stream(context, 'product:p')).toHaveLength(2);
    },
  },
  {
    id: 'catalog.version.concurrent-updates-lose-nothing',
    title: 'concurrent updates of different fields of one SKU all land, one version each',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      await catalog.createSku({ code: 'S', productId: 'p' }, as);
      await Promise.all([
        catalog.updateSku({ code: 'S', name: 'Renamed' }, as),
        catalog.updateSku({ code: 'S', status: 'discontinued' }, as),
        catalog.updateSku({ code: 'S', cost: { amount: '1.00', currency: 'EUR' } }, as),
        catalog.updateSku({ code: 'S', listPrices: [{ amount: '2.00', currency: 'EUR' }] }, as),
        catalog.updateSku({ code: 'S', options: { size: 'M' } }, as),
      ]);
      expect(await catalog.getSku({ sku: 'S' }, as)).toMatchObject({
        name: 'Renamed',
        status: 'discontinued',
        cost: { amount: '1.00', currency: 'EUR' },
        listPrices: [{ amount: '2.00', currency: 'EUR' }],
        options: { size: 'M' },
        version: 6,
      });
      const updates = (await stream(context, 'sku:S')).filter((e) => e.type === 'catalog.sku-updated');
      expect(updates.map((e) => (e.payload as { sku: { version: number } }).sku.version)).toEqual([
        2, 3, 4, 5, 6,
      ]);
    },
  },
  {
    id: 'catalog.category.move-repaths-subtree',
    title: 'moving a category re-paths its whole subtree; a move under itself is refused',
    run: async (context) => {
      const catalog = catalogOf(context);
      for (const [id, parentId] of [
        ['a', null],
        ['a_b', 'a'],
        ['a_b_c', 'a_b'],
        ['aXb', 'a'],
        ['z', null],
      ] as const) {
        await catalog.createCategory({ id, name: id, parentId }, as);
      }
      await catalog.updateCategory({ id: 'a_b', parentId: 'z' }, as);
      const paths = (await catalog.listCategories({}, as)).map((c) => [c.id, c.path, c.version]);
      expect(paths).toEqual([
        ['a', '/a/', 1],
        ['aXb', '/a/aXb/', 1],
        ['z', '/z/', 1],
        ['a_b', '/z/a_b/', 2],
        ['a_b_c', '/z/a_b/a_b_c/', 2],
      ]);
      const before = await catalogSnapshot(context);
      const error = await rejection(catalog.updateCategory({ id: 'z', parentId: 'a_b_c' }, as));
      expect(validationPaths(error)).toEqual(['parentId']);
      expect(await catalogSnapshot(context)).toEqual(before);
    },
  },
  {
    id: 'catalog.category.concurrent-moves-stay-a-tree',
    title: 'concurrent crosswise moves and new children keep every path its parent path plus its id',
    run: async (context) => {
      const catalog = catalogOf(context);
      for (const [id, parentId] of [
        ['a', null],
        ['a1', 'a'],
        ['b', null],
        ['b1', 'b'],
      ] as const) {
        await catalog.createCategory({ id, name: id, parentId }, as);
      }
      // Each move alone is fine; both together would make a cycle. Children created meanwhile under
      // the moving subtrees must end up with their parents' final paths.
      const [intoB, intoA, ...children] = await Promise.allSettled([
        catalog.updateCategory({ id: 'a', parentId: 'b1' }, as),
        catalog.updateCategory({ id: 'b', parentId: 'a1' }, as),
        catalog.createCategory({ id: 'a2', name: 'a2', parentId: 'a1' }, as),
        catalog.createCategory({ id: 'b2', name: 'b2', parentId: 'b1' }, as),
      ]);
      const moves = [intoB, intoA];
      expect(moves.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of moves) {
        if (result.status === 'rejected') expect(validationPaths(result.reason)).toEqual(['parentId']);
      }
      expect(children.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
      const categories = await catalog.listCategories({}, as);
      const paths = new Map(categories.map((category) => [category.id, category.path]));
      for (const category of categories) {
        const parentPath = category.parentId === null ? '/' : paths.get(category.parentId);
        expect([category.id, category.path]).toEqual([category.id, `${parentPath}${category.id}/`]);
      }
      expect(categories).toHaveLength(6);
    },
  },
  {
    id: 'catalog.events.complete-and-ordered',
    title: "a SKU's events are committed in order with complete payloads; refusals emit nothing",
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      await catalog.createPriceList({ id: 'pl', name: 'PL', currency: 'EUR' }, as);
      const sku = await catalog.createSku({ code: 'S', productId: 'p', name: 'Thing' }, as);
      const barcode = await catalog.addBarcode({ sku: 'S', barcode: '96385074' }, as);
      const price = await catalog.setPrice(
        { priceListId: 'pl', sku: 'S', amount: { amount: '3.00', currency: 'EUR' } },
        as,
      );
      await rejection(
        catalog.setPrice({ priceListId: 'pl', sku: 'S', amount: { amount: '3.00', currency: 'USD' } }, as),
      );
      const updated = await catalog.updateSku({ code: 'S', status: 'discontinued' }, as);
      const events = await stream(context, 'sku:S');
      expect(events.map((e) => [e.type, e.streamSeq, e.storeId, e.actorId])).toEqual([
        ['catalog.sku-created', 1, null, 'conformance'],
        ['catalog.barcode-added', 2, null, 'conformance'],
        ['catalog.price-set', 3, null, 'conformance'],
        ['catalog.sku-updated', 4, null, 'conformance'],
      ]);
      expect(events[0]?.payload).toEqual({
        sku,
        product: {
          id: 'p',
          name: 'Product',
          categoryId: 'shop',
          categoryPath: '/shop/',
          taxClassId: 'standard',
        },
        barcodes: [],
      });
      expect(events[1]?.payload).toEqual({ barcode });
      expect(events[2]?.payload).toMatchObject({
        price,
        previous: null,
        priceList: { id: 'pl', currency: 'EUR' },
      });
      expect(events[3]?.payload).toMatchObject({ sku: updated, previous: sku, changed: ['status'] });
    },
  },
];
