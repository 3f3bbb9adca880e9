import { rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { catalogFixture, seedCatalog } from '../../test/support/catalog-fixture.js';

describe('catalog.create-product', () => {
  it('stores the product with its name key and announces it with the category path', async () => {
    const f = catalogFixture();
    await seedCatalog(f.catalog, f.manager);
    const milk = await f.catalog.createProduct(
      { id: 'milk', name: 'Organic MILK 1 l', categoryId: 'dairy', taxClassId: 'standard' },
      f.as,
    );
    expect(milk).toEqual({
      id: 'milk',
      name: 'Organic MILK 1 l',
      nameKey: 'organic milk 1 l',
      description: '',
      categoryId: 'dairy',
      taxClassId: 'standard',
      status: 'active',
      version: 1,
      createdAt: '2025-03-01T12:00:00.000Z',
      updatedAt: '2025-03-01T12:00:00.000Z',
    });
    expect(await f.catalog.getProduct({ id: 'milk' }, f.as)).toEqual(milk);
    const [event] = await f.events('product:milk');
    expect(event).toMatchObject({
      type: 'catalog.product-created',
      actorId: 'mia',
      payload: { product: milk, categoryPath: '/food/dairy/' },
    });
  });

  it('refuses missing references and bad fields, naming each, and changes nothing', async () => {
    const f = catalogFixture();
    await seedCatalog(f.catalog, f.manager);
    const before = await f.snapshot();
    const cases = [
      [{ name: 'X', taxClassId: 'ghost' }, ['taxClassId']],
      [{ name: 'X', taxClassId: 'standard', categoryId: 'ghost' }, ['categoryId']],
      [{ name: '', taxClassId: 'standard', status: 'sold-out' }, ['name', 'status']],
      [{ name: 'X', taxClassId: 'standard', description: 'a\u0000b' }, ['description']],
      [{ name: 'X', taxClassId: 'standard', colour: 'red' }, ['']],
    ] as const;
    for (const [input, paths] of cases) {
      const error = await rejection(f.catalog.createProduct(input as never, f.as));
      expect(validationPaths(error).sort()).toEqual(paths);
    }
    expect(await f.snapshot()).toEqual(before);
  });
});

describe('catalog.update-product', () => {
  it('discontinues a product, recording what changed and what it was', async () => {
    const f = catalogFixture();
    await seedCatalog(f.catalog, f.manager);
    f.clock.advance({ days: 1 });
    const updated = await f.catalog.updateProduct(
      { id: 'tee', status: 'discontinued', expectedVersion: 1 },
      f.as,
    );
    expect(updated).toMatchObject({
      status: 'discontinued',
      version: 2,
      updatedAt: '2025-03-02T12:00:00.000Z',
    });
    const events = await f.events('product:tee');
    expect(events.at(-1)?.payload).toMatchObject({
      changed: ['status'],
      previous: { status: 'active', version: 1 },
      categoryPath: '/clothing/',
    });
  });

  it('moves a product to another category or none, checking it exists', async () => {
    const f = catalogFixture();
    await seedCatalog(f.catalog, f.manager);
    expect(
      validationPaths(await rejection(f.catalog.updateProduct({ id: 'tee', categoryId: 'x' }, f.as))),
    ).toEqual(['categoryId']);
    const updated = await f.catalog.updateProduct({ id: 'tee', categoryId: null, name: 'T-Shirt' }, f.as);
    expect(updated).toMatchObject({ categoryId: null, name: 'T-Shirt', nameKey: 't-shirt' });
  });
});
