import { isRetailKitError } from '@retailkit/core';
import { aCashier } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { type InventorySetup, setupInventory } from '../../test/support/setup-inventory.js';
import { registerItem } from '../items/register-item.js';
import { adjustStock } from '../stock-commands/adjust-stock.js';
import { inventoryValueReport } from './inventory-value-report.js';
import { stockOnHandReport } from './stock-on-hand-report.js';

/** Berlin: 10 tea at 2.00, 1.500 kg coffee at 10.00, 2 mugs (no category) without cost; Hamburg: 4 tea at 3.00. */
async function stocked(): Promise<InventorySetup> {
  const t = await setupInventory();
  await t.execute(registerItem, { sku: 'mug-each', name: 'Mug', categoryId: null });
  await t.receive('berlin', 'tea-each', 10, '2.00');
  await t.receive('berlin', 'coffee-kg', '1.500', '10.00');
  await t.execute(adjustStock, {
    locationId: 'berlin',
    lines: [{ sku: 'mug-each', quantity: 2, reason: 'found' }],
  });
  await t.receive('hamburg', 'tea-each', 4, '3.00');
  return t;
}

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describe('stockOnHandReport', () => {
  it('sums stock on hand per category in units per unit code and value at cost', async () => {
    const t = await stocked();
    const report = await stockOnHandReport(t.runner, { locationId: 'berlin' }, { actor: aCashier('berlin') });
    expect(report).toEqual({
      asOf: '2025-03-03T09:00:00.000Z',
      locations: [
        {
          locationId: 'berlin',
          kind: 'store',
          currency: 'EUR',
          categories: [
            {
              categoryId: 'coffee',
              skus: 1,
              units: [{ unit: 'kg', quantity: '1.500' }],
              value: eur('15.00'),
              unvaluedSkus: 0,
            },
            {
              categoryId: 'tea',
              skus: 1,
              units: [{ unit: 'each', quantity: '10' }],
              value: eur('20.00'),
              unvaluedSkus: 0,
            },
            {
              categoryId: null,
              skus: 1,
              units: [{ unit: 'each', quantity: '2' }],
              value: eur('0.00'),
              unvaluedSkus: 1,
            },
          ],
          totals: {
            skus: 3,
            units: [
              { unit: 'each', quantity: '12' },
              { unit: 'kg', quantity: '1.500' },
            ],
            value: eur('35.00'),
            unvaluedSkus: 1,
          },
        },
      ],
    });
  });

  it('covers every location chain-wide, and filters by category', async () => {
    const t = await stocked();
    const all = await stockOnHandReport(t.runner, {}, { actor: t.admin });
    expect(all.locations.map((l) => [l.locationId, l.totals.skus, l.totals.value.amount])).toEqual([
      ['berlin', 3, '35.00'],
      ['central', 0, '0.00'],
      ['hamburg', 1, '12.00'],
    ]);
    const tea = await stockOnHandReport(t.runner, { categoryId: 'tea' }, { actor: t.admin });
    expect(
      tea.locations.map((l) => [l.locationId, l.categories.map((c) => c.categoryId), l.totals.value.amount]),
    ).toEqual([
      ['berlin', ['tea'], '20.00'],
      ['central', [], '0.00'],
      ['hamburg', ['tea'], '12.00'],
    ]);
  });

  it('reads levels a page at a time past the first page', async () => {
    const t = await setupInventory();
    await t.storage.transaction(async (tx) => {
      for (let n = 0; n < 1203; n++) {
        const sku = `bulk-${String(n).padStart(4, '0')}`;
        await tx.inventory.putItem({
          sku,
          name: sku,
          unit: 'each',
          scale: 0,
          categoryId: n % 2 === 0 ? 'even' : 'odd',
          status: 'active',
          createdAt: '2025-03-03T09:00:00.000Z',
        });
        const key = { locationId: 'central', sku };
        await tx.inventory.applyStockDelta(
          key,
          { onHand: '1' },
          { availableFloor: null, now: '2025-03-03T09:00:00.000Z' },
        );
        await tx.inventory.updateLevelSettings(key, {
          averageCost: '0.001',
          now: '2025-03-03T09:00:00.000Z',
        });
      }
    });
    const report = await stockOnHandReport(t.runner, { locationId: 'central' }, { actor: t.admin });
    expect(report.locations[0]?.categories.map((c) => [c.categoryId, c.skus, c.value.amount])).toEqual([
      ['even', 602, '0.60'],
      ['odd', 601, '0.60'],
    ]);
    // 1203 × 0.001 = 1.203 → 1.20, though the categories round to 0.60 each.
    expect(report.locations[0]?.totals).toMatchObject({ skus: 1203, value: eur('1.20') });
  });

  it('needs inventory.read in the location, or everywhere for a chain-wide report', async () => {
    const t = await stocked();
    const cashier = aCashier('berlin');
    for (const input of [{ locationId: 'hamburg' }, {}]) {
      const error = await rejection(stockOnHandReport(t.runner, input, { actor: cashier }));
      expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
    }
    const unknown = await rejection(
      stockOnHandReport(t.runner, { locationId: 'nowhere' }, { actor: t.admin }),
    );
    expect(validationPaths(unknown)).toEqual(['locationId']);
    const extra = await rejection(
      stockOnHandReport(t.runner, { store: 'berlin' } as never, { actor: t.admin }),
    );
    expect(validationPaths(extra)).toEqual(['']);
  });
});

describe('inventoryValueReport', () => {
  it('values each location at cost, rounding half-even only at the end', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 3, '0.335'); // 1.005
    await t.receive('berlin', 'coffee-kg', '1', '0.005'); // 0.005
    await t.receive('hamburg', 'tea-each', 1, '0.125'); // 0.125 → 0.12 (half-even)
    const report = await inventoryValueReport(t.runner, {}, { actor: t.admin });
    expect(report).toEqual({
      asOf: '2025-03-03T09:00:00.000Z',
      locations: [
        {
          locationId: 'berlin',
          currency: 'EUR',
          // Line by line 1.00 + 0.00 would be 1.00; the exact sum 1.010 is 1.01.
          value: eur('1.01'),
          skus: 2,
          unvaluedSkus: 0,
          units: [
            { unit: 'each', quantity: '3' },
            { unit: 'kg', quantity: '1.000' },
          ],
        },
        { locationId: 'central', currency: 'EUR', value: eur('0.00'), skus: 0, unvaluedSkus: 0, units: [] },
        {
          locationId: 'hamburg',
          currency: 'EUR',
          value: eur('0.12'),
          skus: 1,
          unvaluedSkus: 0,
          units: [{ unit: 'each', quantity: '1' }],
        },
      ],
    });
    const berlin = await inventoryValueReport(
      t.runner,
      { locationId: 'berlin' },
      { actor: aCashier('berlin') },
    );
    expect(berlin.locations.map((l) => l.locationId)).toEqual(['berlin']);
  });
});
