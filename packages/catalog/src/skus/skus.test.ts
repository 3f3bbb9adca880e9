import { Quantity } from '@retailkit/core';
import { rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { catalogFixture, seedCatalog } from '../../test/support/catalog-fixture.js';

async function seeded() {
  const f = catalogFixture();
  await seedCatalog(f.catalog, f.manager);
  return f;
}

describe('catalog.create-sku', () => {
  it('names the SKU after its product and options, normalises money, and tells consumers about the product', async () => {
    const f = await seeded();
    const sku = await f.catalog.createSku(
      {
        code: 'TEE-L-RED',
        productId: 'tee',
        options: { size: 'L', colour: 'red' },
        cost: { amount: '4.5', currency: 'EUR' },
        listPrices: [
          { amount: '25', currency: 'USD' },
          { amount: '19.9', currency: 'EUR' },
        ],
      },
      f.as,
    );
    expect(sku).toMatchObject({
      name: 'Tee / L / red',
      nameKey: 'tee / l / red',
      unit: 'each',
      status: 'active',
      cost: { amount: '4.50', currency: 'EUR' },
      listPrices: [
        { amount: '19.90', currency: 'EUR' },
        { amount: '25.00', currency: 'USD' },
      ],
    });
    const [event] = await f.events('sku:TEE-L-RED');
    expect(event?.payload).toEqual({
      sku,
      product: {
        id: 'tee',
        name: 'Tee',
        categoryId: 'clothing',
        categoryPath: '/clothing/',
        taxClassId: 'standard',
      },
      barcodes: [],
    });
  });

  it('keeps measured and custom units, usable to build quantities', async () => {
    const f = await seeded();
    const cheese = await f.catalog.createSku(
      { code: 'CHEESE', productId: 'tee', name: 'Cheese', unit: 'kg' },
      f.as,
    );
    const rope = await f.catalog.createSku(
      { code: 'ROPE', productId: 'tee', name: 'Rope', unit: { code: 'ft', scale: 1 } },
      f.as,
    );
    const explicit = await f.catalog.createSku(
      { code: 'FLOUR', productId: 'tee', name: 'Flour', unit: { code: 'kg', scale: 3 } },
      f.as,
    );
    expect([cheese.unit, rope.unit, explicit.unit]).toEqual(['kg', { code: 'ft', scale: 1 }, 'kg']);
    expect(Quantity.of('1.250', cheese.unit).toJSON()).toEqual({ value: '1.250', unit: 'kg' });
  });

  it('refuses bad input, naming each field, and creates nothing', async () => {
    const f = await seeded();
    const before = await f.snapshot();
    const cases = [
      [{ code: 'X', productId: 'ghost' }, ['productId']],
      [{ code: 'has space', productId: 'tee' }, ['code']],
      [{ code: 'X', productId: 'tee', unit: 'pound' }, ['unit']],
      [{ code: 'X', productId: 'tee', unit: { code: 'kg', scale: 2 } }, ['unit.scale']],
      [{ code: 'X', productId: 'tee', cost: { amount: '-1.00', currency: 'EUR' } }, ['cost.amount']],
      [{ code: 'X', productId: 'tee', cost: { amount: 1.5, currency: 'EUR' } }, ['cost.amount']],
      [{ code: 'X', productId: 'tee', cost: { amount: '1.005', currency: 'EUR' } }, ['cost.amount']],
      [
        {
          code: 'X',
          productId: 'tee',
          listPrices: [
            { amount: '1.00', currency: 'EUR' },
            { amount: '2.00', currency: 'EUR' },
          ],
        },
        ['listPrices.1.currency'],
      ],
      [
        { code: 'X', productId: 'tee', listPrices: [{ amount: '1.00', currency: 'eur' }] },
        ['listPrices.0.currency'],
      ],
      [{ code: 'X', productId: 'tee', options: { size: '' } }, ['options.size']],
      // Option names are not trimmed into each other (one value silently lost).
      [{ code: 'X', productId: 'tee', options: { size: 'S', ' size': 'M' } }, ['options. size']],
      [{ code: 'X', productId: 'tee', barcodes: [{ barcode: '4006381333932' }] }, ['barcodes.0.barcode']],
      [{ code: 'TEE-M', productId: 'tee', barcodes: [{ barcode: 'ABC' }] }, ['barcodes.0.barcode']],
    ] as const;
    for (const [input, paths] of cases) {
      const error = await rejection(f.catalog.createSku(input as never, f.as));
      expect(validationPaths(error), JSON.stringify(input)).toEqual(paths);
    }
    expect(await f.snapshot()).toEqual(before);
  });

  it('refuses a code that exists, without retrying', async () => {
    const f = await seeded();
    await expect(f.catalog.createSku({ code: 'TEE-M', productId: 'tee' }, f.as)).rejects.toMatchObject({
      code: 'CONFLICT',
      retryable: false,
    });
  });
});

describe('catalog.update-sku', () => {
  it('changes prices and status, recording the previous SKU', async () => {
    const f = await seeded();
    const updated = await f.catalog.updateSku(
      { code: 'TEE-M', status: 'discontinued', listPrices: [{ amount: '15', currency: 'EUR' }], cost: null },
      f.as,
    );
    expect(updated).toMatchObject({
      status: 'discontinued',
      listPrices: [{ amount: '15.00', currency: 'EUR' }],
      version: 2,
    });
    const events = await f.events('sku:TEE-M');
    expect(events.map((e) => e.type)).toEqual(['catalog.sku-created', 'catalog.sku-updated']);
    expect(events[1]?.payload).toMatchObject({
      changed: ['listPrices', 'status'],
      previous: { status: 'active', listPrices: [{ amount: '20.00', currency: 'EUR' }] },
      product: { id: 'tee', categoryPath: '/clothing/' },
    });
  });

  it('refuses to change the unit, naming the field', async () => {
    const f = await seeded();
    const error = await rejection(f.catalog.updateSku({ code: 'TEE-M', unit: 'kg' } as never, f.as));
    expect(validationPaths(error)).toEqual(['unit']);
  });

  it('is not found for an unknown code and conflicts on a stale version', async () => {
    const f = await seeded();
    await expect(f.catalog.updateSku({ code: 'NOPE', name: 'x' }, f.as)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      f.catalog.updateSku({ code: 'TEE-M', name: 'x', expectedVersion: 7 }, f.as),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      retryable: false,
    });
  });
});

describe('getSku', () => {
  it('returns the SKU with its barcodes, or NotFoundError', async () => {
    const f = await seeded();
    await f.catalog.addBarcode({ sku: 'TEE-M', barcode: '4006381333931' }, f.as);
    const sku = await f.catalog.getSku({ sku: 'TEE-M' }, f.as);
    expect(sku.barcodes.map((b) => b.barcode)).toEqual(['4006381333931']);
    await expect(f.catalog.getSku({ sku: 'NOPE' }, f.as)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
