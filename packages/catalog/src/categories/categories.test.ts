import { isRetailKitError } from '@retailkit/core';
import { rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { catalogFixture } from '../../test/support/catalog-fixture.js';

async function tree() {
  const f = catalogFixture();
  await f.catalog.createCategory({ id: 'food', name: 'Food' }, f.as);
  await f.catalog.createCategory({ id: 'dairy', name: 'Dairy', parentId: 'food' }, f.as);
  await f.catalog.createCategory({ id: 'cheese', name: 'Cheese', parentId: 'dairy' }, f.as);
  await f.catalog.createCategory({ id: 'fresh', name: 'Fresh' }, f.as);
  return f;
}

describe('catalog.create-category', () => {
  it('creates roots and children, each with the path of ids from the root', async () => {
    const f = await tree();
    const cheese = await f.catalog.getCategory({ id: 'cheese' }, f.as);
    expect(cheese).toMatchObject({ parentId: 'dairy', path: '/food/dairy/cheese/', version: 1 });
    const [event] = await f.events('category:cheese');
    expect(event).toMatchObject({
      type: 'catalog.category-created',
      storeId: null,
      payload: { category: cheese },
    });
  });

  it('generates an id when none is given', async () => {
    const f = catalogFixture();
    const category = await f.catalog.createCategory({ name: 'Toys' }, f.as);
    expect(category.id).toMatch(/^id-\d+$/);
    expect(category.path).toBe(`/${category.id}/`);
  });

  it('refuses an unknown parent, a bad name and an id with a slash, naming each field', async () => {
    const f = catalogFixture();
    expect(
      validationPaths(await rejection(f.catalog.createCategory({ name: 'X', parentId: 'nope' }, f.as))),
    ).toEqual(['parentId']);
    expect(
      validationPaths(
        await rejection(f.catalog.createCategory({ id: 'a/b', name: ' \u0000 ' }, f.as)),
      ).sort(),
    ).toEqual(['id', 'name']);
    expect((await f.snapshot()).categories).toEqual([]);
  });

  it('refuses an id that exists, without retrying', async () => {
    const f = await tree();
    const error = await rejection(f.catalog.createCategory({ id: 'food', name: 'Again' }, f.as));
    expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
    expect((error as { retryable: boolean }).retryable).toBe(false);
  });
});

describe('catalog.update-category', () => {
  it('moves a category with its whole subtree, and says so in the event', async () => {
    const f = await tree();
    const moved = await f.catalog.updateCategory({ id: 'dairy', parentId: 'fresh' }, f.as);
    expect(moved).toMatchObject({ parentId: 'fresh', path: '/fresh/dairy/', version: 2 });
    expect(await f.catalog.getCategory({ id: 'cheese' }, f.as)).toMatchObject({
      path: '/fresh/dairy/cheese/',
      version: 2,
    });
    const events = await f.events('category:dairy');
    expect(events.at(-1)?.payload).toMatchObject({
      changed: ['parentId', 'path'],
      movedDescendants: 1,
      previous: { path: '/food/dairy/' },
    });
    // And to the root.
    await f.catalog.updateCategory({ id: 'dairy', parentId: null }, f.as);
    expect((await f.catalog.listCategories({}, f.as)).map((c) => c.path)).toEqual([
      '/dairy/',
      '/dairy/cheese/',
      '/food/',
      '/fresh/',
    ]);
  });

  it('refuses to move a category under itself or its descendants, changing nothing', async () => {
    const f = await tree();
    const before = await f.snapshot();
    for (const parentId of ['food', 'dairy', 'cheese']) {
      const error = await rejection(f.catalog.updateCategory({ id: 'food', parentId }, f.as));
      expect(validationPaths(error)).toEqual(['parentId']);
    }
    expect(await f.snapshot()).toEqual(before);
    expect(await f.events('category:food')).toHaveLength(1);
  });

  it('renames, and writes nothing when nothing changes', async () => {
    const f = await tree();
    const renamed = await f.catalog.updateCategory({ id: 'fresh', name: 'Fresh produce' }, f.as);
    expect(renamed).toMatchObject({ name: 'Fresh produce', version: 2 });
    const same = await f.catalog.updateCategory({ id: 'fresh', name: 'Fresh produce' }, f.as);
    expect(same.version).toBe(2);
    expect(await f.events('category:fresh')).toHaveLength(2);
  });

  it('refuses a stale expected version (not retried) and an unknown category', async () => {
    const f = await tree();
    await f.catalog.updateCategory({ id: 'fresh', name: 'Fresh 2' }, f.as);
    const stale = await rejection(
      f.catalog.updateCategory({ id: 'fresh', name: 'X', expectedVersion: 1 }, f.as),
    );
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      retryable: false,
      details: { version: 2, expectedVersion: 1 },
    });
    expect(await rejection(f.catalog.updateCategory({ id: 'ghost', name: 'X' }, f.as))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('category queries', () => {
  it('lists in tree order and builds the tree, or one subtree', async () => {
    const f = await tree();
    const roots = await f.catalog.categoryTree({}, f.as);
    expect(roots.map((node) => node.id)).toEqual(['food', 'fresh']);
    expect(roots[0]?.children[0]?.children.map((node) => node.id)).toEqual(['cheese']);
    const dairy = await f.catalog.categoryTree({ under: 'dairy' }, f.as);
    expect(dairy.map((node) => [node.id, node.children.map((c) => c.id)])).toEqual([['dairy', ['cheese']]]);
    expect((await f.catalog.listCategories({ under: 'food' }, f.as)).map((c) => c.id)).toEqual([
      'food',
      'dairy',
      'cheese',
    ]);
    expect(validationPaths(await rejection(f.catalog.listCategories({ under: 'ghost' }, f.as)))).toEqual([
      'under',
    ]);
  });
});

describe('category tree concurrency', () => {
  it('locks the tree before reading the paths a new child or a move builds on', async () => {
    // Row versions cannot protect these on SQL: two crosswise moves each pass the cycle check on the
    // other's old path, and a path-prefix update does not see a child inserted after it began.
    const calls: string[] = [];
    const f = catalogFixture((inner) => ({
      lockCategoryTree: () => {
        calls.push('lockCategoryTree');
        return inner.lockCategoryTree();
      },
      getCategory: (id) => {
        calls.push(`getCategory(${id})`);
        return inner.getCategory(id);
      },
    }));
    await f.catalog.createCategory({ id: 'a', name: 'A' }, f.as);
    await f.catalog.createCategory({ id: 'b', name: 'B' }, f.as);
    calls.length = 0;
    await f.catalog.createCategory({ id: 'c', name: 'C', parentId: 'a' }, f.as);
    expect(calls).toEqual(['getCategory(c)', 'lockCategoryTree', 'getCategory(a)']);
    calls.length = 0;
    await f.catalog.updateCategory({ id: 'a', parentId: 'b' }, f.as);
    expect(calls).toEqual(['lockCategoryTree', 'getCategory(a)', 'getCategory(b)']);
    calls.length = 0;
    await f.catalog.updateCategory({ id: 'b', name: 'B2' }, f.as);
    expect(calls).toEqual(['getCategory(b)']);
  });
});
