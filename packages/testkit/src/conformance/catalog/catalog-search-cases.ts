import type { Catalog, SearchSkusInput, SkuRecord } from '@retailkit/catalog';
import fc from 'fast-check';
import { expect } from 'vitest';
import { as, type CatalogCase, catalogOf, compareUtf8, seedBasics } from './catalog-case-helpers.js';

/** Every SKU a search finds, page by page; fails on a page larger than asked or a repeated code. */
async function everyPage(catalog: Catalog, input: SearchSkusInput, limit: number): Promise<SkuRecord[]> {
  const found: SkuRecord[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await catalog.searchSkus({ ...input, limit, ...(after === undefined ? {} : { after }) }, as);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    found.push(...page.items);
    if (page.nextCursor === null) return found;
    expect(page.items).toHaveLength(limit);
    after = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

/** The codes in the order searches promise: name key, then code, in UTF-8 byte order. */
function expectedOrder(skus: readonly SkuRecord[]): string[] {
  return [...skus]
    .sort((a, b) => compareUtf8(a.nameKey, b.nameKey) || compareUtf8(a.code, b.code))
    .map((sku) => sku.code);
}

// Ties, case, accents, LIKE wildcards, and a character past the BMP next to one near its end:
// UTF-16 order puts 😀 (U+1F600) before U+FFFD, code point order after.
const TRICKY_NAMES = [
  'b',
  'B',
  'a',
  'á',
  'ab',
  'a b',
  '\ufffd',
  '😀',
  'z',
  '_',
  '%',
  'a%',
  'a_',
  'Ä',
  '0',
  'x',
];
const NAME_PARTS = ['a', 'B', 'á', ' ', '%', '_', '~', '\ufffd', '😀'];

/** Search by name prefix and category, ordering and keyset pagination. */
export const catalogSearchCases: readonly CatalogCase[] = [
  {
    id: 'catalog.search.name-prefix-is-literal',
    title: 'a name prefix matches case-insensitively and literally, wildcards and backslashes included',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      const names = [
        '100% Cotton',
        '100_ cotton',
        '100\\ cotton',
        '1000 Cotton',
        '100x cotton',
        'COTTON 100%',
      ];
      for (const [i, name] of names.entries())
        await catalog.createSku({ code: `S${i}`, productId: 'p', name }, as);
      const codes = async (namePrefix: string) =>
        (await catalog.searchSkus({ namePrefix }, as)).items.map((sku) => sku.code).sort();
      expect(await codes('100%')).toEqual(['S0']);
      expect(await codes('100_')).toEqual(['S1']);
      expect(await codes('100\\')).toEqual(['S2']);
      expect(await codes('100')).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
      expect(await codes('cOtToN')).toEqual(['S5']);
      expect(await codes('%')).toEqual([]);
      expect(await codes('')).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5']);
    },
  },
  {
    id: 'catalog.search.order-and-pagination',
    title: 'searches order by name key then id in code point order, and pages return each match once',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      const created: SkuRecord[] = [];
      for (const [i, name] of TRICKY_NAMES.entries()) {
        // Two SKUs per name: ties are broken by the code.
        for (const suffix of ['y', 'x']) {
          const code = `${String(i).padStart(2, '0')}${suffix}`;
          created.push(await catalog.createSku({ code, productId: 'p', name }, as));
        }
      }
      const expected = expectedOrder(created);
      for (const limit of [1, 3, 7, expected.length, 500]) {
        expect((await everyPage(catalog, {}, limit)).map((sku) => sku.code)).toEqual(expected);
      }
      const products = await catalog.searchProducts({ limit: 1 }, as);
      expect(products.items.map((p) => p.id)).toEqual(['p']);
      expect(products.nextCursor).toBeNull();
    },
  },
  {
    id: 'catalog.search.pagination-property',
    title: 'for random names and page sizes, paging returns every match once, in order (property)',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      let run = 0;
      const name = fc
        .array(fc.constantFrom(...NAME_PARTS), { maxLength: 4 })
        .map((parts) => `n${parts.join('')}`);
      await fc.assert(
        fc.asyncProperty(
          fc.array(name, { minLength: 0, maxLength: 12 }),
          fc.integer({ min: 1, max: 5 }),
          async (names, limit) => {
            run += 1;
            const productId = `run-${run}`;
            await catalog.createProduct({ id: productId, name: productId, taxClassId: 'standard' }, as);
            const created: SkuRecord[] = [];
            for (const [i, skuName] of names.entries()) {
              created.push(
                await catalog.createSku({ code: `${productId}-${i}`, productId, name: skuName }, as),
              );
            }
            const found = await everyPage(catalog, { productId }, limit);
            expect(found.map((sku) => sku.code)).toEqual(expectedOrder(created));
          },
        ),
        { numRuns: 25 },
      );
    },
  },
  {
    id: 'catalog.search.category-subtree',
    title: 'a category search covers its subtree only, by path prefix, also after a move',
    run: async (context) => {
      const catalog = catalogOf(context);
      await catalog.createTaxClass({ id: 't', name: 'T', rate: '0' }, as);
      // `d_1` next to `dX1` and `d` next to `d2`: a careless LIKE or a path without the trailing
      // slash would mix them up.
      for (const [id, parentId] of [
        ['d', null],
        ['d_1', 'd'],
        ['d_1_x', 'd_1'],
        ['dX1', 'd'],
        ['d2', null],
        ['e', null],
      ] as const) {
        await catalog.createCategory({ id, name: id, parentId }, as);
        await catalog.createProduct({ id: `p-${id}`, name: `P ${id}`, categoryId: id, taxClassId: 't' }, as);
        await catalog.createSku({ code: `s-${id}`, productId: `p-${id}` }, as);
      }
      await catalog.createProduct({ id: 'p-none', name: 'P none', taxClassId: 't' }, as);
      const products = async (categoryId: string) =>
        (await catalog.searchProducts({ categoryId }, as)).items.map((p) => p.id);
      const skus = async (categoryId: string) =>
        (await catalog.searchSkus({ categoryId }, as)).items.map((s) => s.code);
      expect(await products('d')).toEqual(['p-d', 'p-d_1', 'p-d_1_x', 'p-dX1']);
      expect(await products('d_1')).toEqual(['p-d_1', 'p-d_1_x']);
      expect(await skus('d_1')).toEqual(['s-d_1', 's-d_1_x']);
      await catalog.updateCategory({ id: 'd_1', parentId: 'e' }, as);
      expect(await products('d')).toEqual(['p-d', 'p-dX1']);
      expect(await skus('e')).toEqual(['s-d_1', 's-d_1_x', 's-e']);
      // A product moved to another category is found there, and its SKUs with it.
      await catalog.updateProduct({ id: 'p-d2', categoryId: 'd_1_x' }, as);
      expect(await skus('e')).toEqual(['s-d2', 's-d_1', 's-d_1_x', 's-e']);
    },
  },
];
