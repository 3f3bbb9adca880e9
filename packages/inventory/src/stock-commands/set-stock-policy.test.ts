import { isRetailKitError } from '@retailkit/core';
import { aClerk, aManager } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { setStockPolicy } from './set-stock-policy.js';

describe('setStockPolicy', () => {
  it('sets backorder policy, limit and safety stock, keeping what is left out', async () => {
    const t = await setupInventory();
    const { result, events } = await t.run(
      setStockPolicy,
      { locationId: 'berlin', sku: 'coffee-kg', backorder: 'allow', backorderLimit: '1.5', safetyStock: '2' },
      aManager(['berlin']),
    );
    expect(result).toMatchObject({
      locationId: 'berlin',
      sku: 'coffee-kg',
      onHand: '0.000',
      backorder: 'allow',
      backorderLimit: '1.500',
      safetyStock: '2.000',
    });
    expect(events[0]).toMatchObject({
      type: 'inventory.stock-policy-set',
      stream: 'stock:berlin:coffee-kg',
      payload: { backorder: 'allow', backorderLimit: '1.500', safetyStock: '2.000', categoryId: 'coffee' },
    });
    const changed = await t.execute(setStockPolicy, {
      locationId: 'berlin',
      sku: 'coffee-kg',
      backorder: 'refuse',
    });
    expect(changed).toMatchObject({ backorder: 'refuse', backorderLimit: '1.500', safetyStock: '2.000' });
  });

  it('names bad fields and is for managers', async () => {
    const t = await setupInventory();
    const paths = async (input: Record<string, unknown>) =>
      validationPaths(
        await rejection(
          t.execute(setStockPolicy, { locationId: 'berlin', sku: 'tea-each', ...input } as never),
        ),
      );
    expect(await paths({})).toEqual(['']);
    expect(await paths({ safetyStock: '-1' })).toEqual(['safetyStock']);
    expect(await paths({ safetyStock: '1.5' })).toEqual(['safetyStock']);
    expect(await paths({ backorderLimit: '0.5', backorder: 'allow' })).toEqual(['backorderLimit']);
    expect(await paths({ sku: 'ghost', backorder: 'allow' })).toEqual(['sku']);
    expect(await paths({ locationId: 'atlantis', backorder: 'allow' })).toEqual(['locationId']);
    const clerk = await rejection(
      t.execute(
        setStockPolicy,
        { locationId: 'berlin', sku: 'tea-each', backorder: 'allow' },
        aClerk('berlin'),
      ),
    );
    expect(isRetailKitError(clerk, 'FORBIDDEN')).toBe(true);
    expect(await t.level('berlin', 'tea-each')).toBeUndefined();
  });
});
