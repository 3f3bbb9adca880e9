import { isRetailKitError } from '@retailkit/core';
import { aCashier } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { reserveStock } from '../reservations/reserve-stock.js';
import { recordSale } from './record-sale.js';
import { setStockPolicy } from './set-stock-policy.js';

describe('recordSale', () => {
  it('takes sold stock off the shelf with sale movements at average cost', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10, '2.50');
    await t.receive('berlin', 'coffee-kg', '5', '20');
    const { result, events } = await t.run(
      recordSale,
      {
        locationId: 'berlin',
        reference: 'till-42',
        lines: [
          { sku: 'tea-each', quantity: 2 },
          { sku: 'coffee-kg', quantity: '0.750' },
        ],
      },
      aCashier('berlin'),
    );
    expect(result).toMatchObject({
      locationId: 'berlin',
      businessDate: '2025-03-03',
      levels: [
        { sku: 'coffee-kg', onHand: '4.250', available: '4.250' },
        { sku: 'tea-each', onHand: '8', available: '8' },
      ],
    });
    expect(await t.movements({ reasons: ['sale'] })).toMatchObject([
      {
        sku: 'tea-each',
        quantity: '-2',
        unitCost: '2.500000',
        referenceType: 'order',
        referenceId: 'till-42',
      },
      {
        sku: 'coffee-kg',
        quantity: '-0.750',
        unitCost: '20.000000',
        referenceType: 'order',
        referenceId: 'till-42',
      },
    ]);
    expect(events.map((e) => [e.type, e.stream, e.payload])).toEqual([
      [
        'inventory.stock-sold',
        'stock:berlin:tea-each',
        expect.objectContaining({
          quantity: '2',
          unitCost: '2.500000',
          reference: 'till-42',
          categoryId: 'tea',
        }),
      ],
      ['inventory.stock-sold', 'stock:berlin:coffee-kg', expect.objectContaining({ quantity: '0.750' })],
    ]);
  });

  it('cannot sell reserved stock, and checks lines of one SKU together', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 5);
    await t.execute(reserveStock, {
      reference: 'o',
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 2 }],
    });
    const error = await rejection(
      t.execute(recordSale, {
        locationId: 'berlin',
        lines: [
          { sku: 'tea-each', quantity: 2 },
          { sku: 'tea-each', quantity: 2 },
        ],
      }),
    );
    expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
    expect(await t.balances('berlin', 'tea-each')).toEqual(['5', '2']);
    expect(await t.movements({ reasons: ['sale'] })).toEqual([]);
  });

  it('sells into backorder when the policy allows', async () => {
    const t = await setupInventory();
    await t.execute(setStockPolicy, {
      locationId: 'berlin',
      sku: 'tea-each',
      backorder: 'allow',
      backorderLimit: 3,
    });
    await t.execute(recordSale, { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 3 }] });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['-3', '0']);
    const error = await rejection(
      t.execute(recordSale, { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 1 }] }),
    );
    expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
  });

  it('names bad fields', async () => {
    const t = await setupInventory();
    const paths = async (input: Record<string, unknown>) =>
      validationPaths(
        await rejection(
          t.execute(recordSale, {
            locationId: 'berlin',
            lines: [{ sku: 'tea-each', quantity: 1 }],
            ...input,
          } as never),
        ),
      );
    expect(await paths({ locationId: 'atlantis' })).toEqual(['locationId']);
    expect(await paths({ lines: [{ sku: 'tea-each', quantity: 1.5 }] })).toEqual(['lines.0.quantity']);
    expect(await paths({ lines: [{ sku: 'tea-each', quantity: '1.5' }] })).toEqual(['lines.0.quantity']);
    expect(await paths({ lines: [{ sku: 'coffee-kg', quantity: '0.0001' }] })).toEqual(['lines.0.quantity']);
    expect(await paths({ lines: [{ sku: 'tea-each', quantity: 0 }] })).toEqual(['lines.0.quantity']);
    expect(await paths({ lines: [{ sku: 'tea-each', quantity: -1 }] })).toEqual(['lines.0.quantity']);
    expect(await paths({ lines: [{ sku: 'x', quantity: 1 }] })).toEqual(['lines.0.sku']);
    expect(await paths({ extra: true })).toEqual(['']);
  });
});
