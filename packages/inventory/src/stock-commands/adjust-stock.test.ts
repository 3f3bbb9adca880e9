import { isRetailKitError } from '@retailkit/core';
import { aCashier, aClerk } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { adjustStock } from './adjust-stock.js';

describe('adjustStock', () => {
  it('adds and removes stock with a reason per line and books adjustment movements', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10, '2.00');
    const { result, events } = await t.run(
      adjustStock,
      {
        locationId: 'berlin',
        lines: [
          { sku: 'tea-each', quantity: '-2', reason: 'damage', note: 'dropped' },
          { sku: 'tea-each', quantity: -1, reason: 'theft' },
        ],
      },
      aClerk('berlin'),
    );
    expect(result.levels).toMatchObject([
      { sku: 'tea-each', onHand: '7', available: '7', averageCost: '2.000000' },
    ]);
    const movements = await t.movements({ reasons: ['adjustment'] });
    expect(movements.map((m) => [m.quantity, m.subReason, m.unitCost, m.note, m.actorId])).toEqual([
      ['10', 'found', '2.00', null, 'admin'],
      ['-2', 'damage', '2.000000', 'dropped', 'clerk@berlin'],
      ['-1', 'theft', '2.000000', null, 'clerk@berlin'],
    ]);
    expect(events.map((e) => [e.type, e.stream, e.storeId])).toEqual([
      ['inventory.stock-adjusted', 'stock:berlin:tea-each', 'berlin'],
      ['inventory.stock-adjusted', 'stock:berlin:tea-each', 'berlin'],
    ]);
    expect(events[0]?.payload).toMatchObject({
      locationId: 'berlin',
      sku: 'tea-each',
      categoryId: 'tea',
      unit: 'each',
      quantity: '-2',
      reason: 'damage',
      unitCost: '2.000000',
      currency: 'EUR',
      businessDate: '2025-03-03',
      onHand: '7',
    });
  });

  it('updates the moving-average cost for stock added at a cost', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'coffee-kg', '1.000', '10.00');
    await t.execute(adjustStock, {
      locationId: 'berlin',
      lines: [
        { sku: 'coffee-kg', quantity: '1.000', reason: 'found', unitCost: '20.00' },
        { sku: 'coffee-kg', quantity: '2.000', reason: 'other', unitCost: '5' },
      ],
    });
    // 1 kg at 10, +1 at 20 → 15; then 2 kg at 15 + 2 at 5 → 10.
    expect((await t.level('berlin', 'coffee-kg'))?.averageCost).toBe('10.000000');
    expect(await t.balances('berlin', 'coffee-kg')).toEqual(['4.000', '0.000']);
  });

  it('refuses a decrease that would make available negative, changing nothing', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 3);
    const before = await t.movements();
    const error = await rejection(
      t.execute(adjustStock, {
        locationId: 'berlin',
        lines: [
          { sku: 'tea-each', quantity: -2, reason: 'damage' },
          { sku: 'tea-each', quantity: -2, reason: 'expired' },
        ],
      }),
    );
    expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
    expect(await t.balances('berlin', 'tea-each')).toEqual(['3', '0']);
    expect(await t.movements()).toEqual(before);
  });

  it('names the field of every bad line', async () => {
    const t = await setupInventory();
    const paths = validationPaths(
      await rejection(
        t.execute(adjustStock, {
          locationId: 'berlin',
          lines: [
            { sku: 'nope', quantity: 1, reason: 'found' },
            { sku: 'tea-each', quantity: '0.5', reason: 'found' },
            { sku: 'tea-each', quantity: 2, reason: 'theft' },
            { sku: 'tea-each', quantity: -2, reason: 'found' },
            { sku: 'tea-each', quantity: -1, reason: 'other', unitCost: '1.00' },
          ],
        }),
      ),
    );
    expect(paths).toEqual(['lines.0.sku', 'lines.1.quantity']);
    const signs = validationPaths(
      await rejection(
        t.execute(adjustStock, {
          locationId: 'berlin',
          lines: [
            { sku: 'tea-each', quantity: 2, reason: 'theft' },
            { sku: 'tea-each', quantity: -2, reason: 'found' },
            { sku: 'tea-each', quantity: -1, reason: 'other', unitCost: '1.00' },
          ],
        }),
      ),
    );
    expect(signs).toEqual(['lines.0.quantity', 'lines.1.quantity', 'lines.2.unitCost']);
    expect(
      validationPaths(
        await rejection(
          t.execute(adjustStock, {
            locationId: 'berlin',
            lines: [{ sku: 'tea-each', quantity: '0', reason: 'found' }],
          }),
        ),
      ),
    ).toEqual(['lines.0.quantity']);
    expect(
      validationPaths(
        await rejection(
          t.execute(adjustStock, {
            locationId: 'nowhere',
            lines: [{ sku: 'tea-each', quantity: 1, reason: 'found' }],
          }),
        ),
      ),
    ).toEqual(['locationId']);
    expect(await t.movements()).toEqual([]);
  });

  it('is for clerks and up: a cashier may not adjust', async () => {
    const t = await setupInventory();
    const error = await rejection(
      t.execute(
        adjustStock,
        { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 1, reason: 'found' }] },
        aCashier('berlin'),
      ),
    );
    expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
    const elsewhere = await rejection(
      t.execute(
        adjustStock,
        { locationId: 'hamburg', lines: [{ sku: 'tea-each', quantity: 1, reason: 'found' }] },
        aClerk('berlin'),
      ),
    );
    expect(isRetailKitError(elsewhere, 'FORBIDDEN')).toBe(true);
  });
});
