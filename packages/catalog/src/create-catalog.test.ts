import { isRetailKitError } from '@retailkit/core';
import { aCashier, aClerk, aManager, anActor, rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { catalogFixture, seedCatalog } from '../test/support/catalog-fixture.js';
import { catalogCommands, catalogQueries } from './index.js';

describe('createCatalog', () => {
  it('lets cashiers and clerks read the catalog but not change it', async () => {
    const f = catalogFixture();
    await seedCatalog(f.catalog, f.manager);
    for (const actor of [aCashier('s1'), aClerk('s1')]) {
      expect((await f.catalog.getSku({ sku: 'TEE-M' }, { actor })).code).toBe('TEE-M');
      expect((await f.catalog.resolvePrice({ sku: 'TEE-M', storeId: 's1' }, { actor })).price.amount).toBe(
        '20.00',
      );
      const write = await rejection(f.catalog.updateSku({ code: 'TEE-M', name: 'X' }, { actor }));
      expect(isRetailKitError(write, 'FORBIDDEN')).toBe(true);
      const price = await rejection(f.catalog.createPriceList({ name: 'X', currency: 'EUR' }, { actor }));
      expect(isRetailKitError(price, 'FORBIDDEN')).toBe(true);
    }
    // Resolving a price is a read in the store: a cashier of another store is refused.
    await expect(
      f.catalog.resolvePrice({ sku: 'TEE-M', storeId: 's2' }, { actor: aCashier('s1') }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('lets chain-wide managers write, and refuses chain-wide changes to a manager of one store', async () => {
    const f = catalogFixture();
    await seedCatalog(f.catalog, anActor({ roles: ['manager'] }));
    const error = await rejection(f.catalog.createCategory({ name: 'X' }, { actor: aManager(['s1']) }));
    expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
  });

  it('replays an idempotent command instead of running it twice', async () => {
    const f = catalogFixture();
    await seedCatalog(f.catalog, f.manager);
    const input = { sku: 'TEE-M', barcode: '4006381333931' };
    const first = await f.catalog.addBarcode(input, { ...f.as, idempotencyKey: 'scan-1' });
    const again = await f.catalog.addBarcode(input, { ...f.as, idempotencyKey: 'scan-1' });
    expect(again).toEqual(first);
    expect((await f.events('sku:TEE-M')).filter((e) => e.type === 'catalog.barcode-added')).toHaveLength(1);
  });

  it('validates query input, naming the field', async () => {
    const f = catalogFixture();
    expect(validationPaths(await rejection(f.catalog.getSku({ sku: '' }, f.as)))).toEqual(['sku']);
    expect(
      validationPaths(
        await rejection(f.catalog.resolvePrice({ sku: 'A', storeId: 's', at: 'yesterday' }, f.as)),
      ),
    ).toEqual(['at']);
  });

  it('exports its commands and queries for use with any runner', async () => {
    const f = catalogFixture();
    const taxClass = await f.runner.execute(
      catalogCommands.createTaxClass,
      { id: 'zero', name: 'Zero', rate: '0' },
      f.as,
    );
    expect(taxClass.rate).toBe('0');
    expect(await catalogQueries.getTaxClass(f.runner, { id: 'zero' }, f.as)).toEqual(taxClass);
    expect(await catalogQueries.listTaxClasses(f.runner, {}, { actor: aCashier('s1') })).toEqual([taxClass]);
  });

  it('validates query input before authorising, so bad input is named even for an outsider', async () => {
    const f = catalogFixture();
    const outsider = anActor({ roles: [] });
    expect(validationPaths(await rejection(f.catalog.getSku({ sku: '' }, { actor: outsider })))).toEqual([
      'sku',
    ]);
    const refused = await rejection(f.catalog.getSku({ sku: 'TEE-M' }, { actor: outsider }));
    expect(isRetailKitError(refused, 'FORBIDDEN')).toBe(true);
  });
});
