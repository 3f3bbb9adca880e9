import { rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { catalogFixture, seedCatalog } from '../../test/support/catalog-fixture.js';

async function shop() {
  const f = catalogFixture();
  await seedCatalog(f.catalog, f.manager);
  await f.catalog.createCategory({ id: 'cheese', name: 'Cheese', parentId: 'dairy' }, f.as);
  const products = [
    ['milk', 'Milk', 'dairy'],
    ['gouda', 'Gouda', 'cheese'],
    ['brie', 'Brie de Meaux', 'cheese'],
    ['bread', 'Bread', 'food'],
    ['butter', 'BUTTER', 'dairy'],
    ['buttermilk', 'Buttermilk', 'dairy'],
  ] as const;
  for (const [id, name, categoryId] of products) {
    await f.catalog.createProduct({ id, name, categoryId, taxClassId: 'standard' }, f.as);
    await f.catalog.createSku({ code: id.toUpperCase(), productId: id }, f.as);
  }
  return f;
}

describe('searchProducts and searchSkus', () => {
  it('match a name prefix whatever its case or width, ordered by name', async () => {
    const f = await shop();
    const found = await f.catalog.searchProducts({ namePrefix: 'ｂｕｔ' }, f.as);
    expect(found.items.map((p) => p.id)).toEqual(['butter', 'buttermilk']);
    expect(found.nextCursor).toBeNull();
    const skus = await f.catalog.searchSkus({ namePrefix: 'B' }, f.as);
    expect(skus.items.map((s) => s.code)).toEqual(['BREAD', 'BRIE', 'BUTTER', 'BUTTERMILK']);
  });

  it('filter by a category with its descendants, and by status', async () => {
    const f = await shop();
    const dairy = await f.catalog.searchProducts({ categoryId: 'dairy' }, f.as);
    expect(dairy.items.map((p) => p.id)).toEqual(['brie', 'butter', 'buttermilk', 'gouda', 'milk']);
    const food = await f.catalog.searchSkus({ categoryId: 'food', namePrefix: 'bu' }, f.as);
    expect(food.items.map((s) => s.code)).toEqual(['BUTTER', 'BUTTERMILK']);
    await f.catalog.updateSku({ code: 'MILK', status: 'discontinued' }, f.as);
    const active = await f.catalog.searchSkus({ categoryId: 'dairy', status: 'active' }, f.as);
    expect(active.items.map((s) => s.code)).toEqual(['BRIE', 'BUTTER', 'BUTTERMILK', 'GOUDA']);
    const ofProduct = await f.catalog.searchSkus({ productId: 'tee' }, f.as);
    expect(ofProduct.items.map((s) => s.code)).toEqual(['TEE-M']);
  });

  it('follow a category move: the subtree is searched by its new place', async () => {
    const f = await shop();
    await f.catalog.updateCategory({ id: 'cheese', parentId: 'clothing' }, f.as);
    const clothing = await f.catalog.searchProducts({ categoryId: 'clothing' }, f.as);
    expect(clothing.items.map((p) => p.id)).toEqual(['brie', 'gouda', 'tee']);
    const dairy = await f.catalog.searchProducts({ categoryId: 'dairy' }, f.as);
    expect(dairy.items.map((p) => p.id)).toEqual(['butter', 'buttermilk', 'milk']);
  });

  it('page through every match once, in order, with opaque cursors', async () => {
    const f = await shop();
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await f.catalog.searchProducts({ limit: 2, ...(after ? { after } : {}) }, f.as);
      seen.push(...page.items.map((p) => p.id));
      after = page.nextCursor ?? undefined;
      pages += 1;
    } while (after);
    expect(pages).toBe(4);
    expect(seen).toEqual(['bread', 'brie', 'butter', 'buttermilk', 'gouda', 'milk', 'tee']);
  });

  it('refuse an unknown category, a forged cursor and a bad limit, naming each field', async () => {
    const f = await shop();
    expect(validationPaths(await rejection(f.catalog.searchProducts({ categoryId: 'ghost' }, f.as)))).toEqual(
      ['categoryId'],
    );
    for (const after of ['not-a-cursor', btoa('{"a":1}').replaceAll('=', ''), 'a b']) {
      expect(validationPaths(await rejection(f.catalog.searchSkus({ after }, f.as)))).toEqual(['after']);
    }
    for (const limit of [0, 501, 2.5]) {
      expect(validationPaths(await rejection(f.catalog.searchSkus({ limit }, f.as)))).toEqual(['limit']);
    }
  });
});
