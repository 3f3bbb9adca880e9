import { isRetailKitError } from '@retailkit/core';
import { aCashier, aManager } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { reserveStock } from '../reservations/reserve-stock.js';
import { recordSale } from '../stock-commands/record-sale.js';
import { getAvailability } from './get-availability.js';
import { getStockLevel } from './get-stock-level.js';
import { getStockLevels } from './get-stock-levels.js';

async function stocked() {
  const t = await setupInventory();
  await t.receive('berlin', 'tea-each', 10, '2.00');
  await t.receive('berlin', 'coffee-kg', '3.5', '18');
  await t.receive('hamburg', 'tea-each', 4);
  await t.receive('central', 'tea-each', 100);
  await t.execute(reserveStock, {
    reference: 'o',
    locationId: 'berlin',
    lines: [{ sku: 'tea-each', quantity: 3 }],
  });
  await t.execute(recordSale, { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 1 }] });
  return t;
}

describe('stock level queries', () => {
  it('reads one level, zeros for an untouched SKU', async () => {
    const t = await stocked();
    const cashier = { actor: aCashier('berlin') };
    expect(await getStockLevel(t.runner, { locationId: 'berlin', sku: 'tea-each' }, cashier)).toEqual({
      locationId: 'berlin',
      sku: 'tea-each',
      unit: 'each',
      onHand: '9',
      reserved: '3',
      available: '6',
      incoming: '0',
      inTransit: '0',
      safetyStock: '0',
      backorder: 'refuse',
      backorderLimit: null,
      averageCost: '2.000000',
    });
    expect(
      await getStockLevel(t.runner, { locationId: 'hamburg', sku: 'coffee-kg' }, { actor: t.admin }),
    ).toMatchObject({ onHand: '0.000', available: '0.000', averageCost: null });
    const elsewhere = await rejection(
      getStockLevel(t.runner, { locationId: 'hamburg', sku: 'tea-each' }, cashier),
    );
    expect(isRetailKitError(elsewhere, 'FORBIDDEN')).toBe(true);
    expect(
      validationPaths(
        await rejection(getStockLevel(t.runner, { locationId: 'berlin', sku: 'ghost' }, cashier)),
      ),
    ).toEqual(['sku']);
    expect(
      validationPaths(
        await rejection(getStockLevel(t.runner, { locationId: 'mars', sku: 'tea-each' }, { actor: t.admin })),
      ),
    ).toEqual(['locationId']);
  });

  it('reads many levels: listed SKUs in order, or all of a location page by page', async () => {
    const t = await stocked();
    const listed = await getStockLevels(
      t.runner,
      { locationId: 'hamburg', skus: ['tea-each', 'coffee-kg'] },
      { actor: t.admin },
    );
    expect(listed.items.map((level) => [level.sku, level.onHand])).toEqual([
      ['tea-each', '4'],
      ['coffee-kg', '0.000'],
    ]);
    expect(listed.nextCursor).toBeNull();
    expect(
      validationPaths(
        await rejection(
          getStockLevels(t.runner, { locationId: 'berlin', skus: ['tea-each', 'x'] }, { actor: t.admin }),
        ),
      ),
    ).toEqual(['skus.1']);

    const first = await getStockLevels(t.runner, { locationId: 'berlin', limit: 1 }, { actor: t.admin });
    expect(first.items.map((level) => [level.sku, level.onHand])).toEqual([['coffee-kg', '3.500']]);
    const second = await getStockLevels(
      t.runner,
      { locationId: 'berlin', limit: 1, after: first.nextCursor as string },
      { actor: t.admin },
    );
    expect(second.items.map((level) => level.sku)).toEqual(['tea-each']);
    expect(second.nextCursor).toBeNull();
  });

  it('shows availability of one SKU across locations', async () => {
    const t = await stocked();
    const all = await getAvailability(t.runner, { sku: 'tea-each' }, { actor: t.admin });
    expect(all.totals).toEqual({
      onHand: '113',
      reserved: '3',
      available: '110',
      incoming: '0',
      inTransit: '0',
    });
    expect(all.locations.map((level) => [level.locationId, level.available])).toEqual([
      ['berlin', '6'],
      ['central', '100'],
      ['hamburg', '4'],
    ]);
    const manager = aManager(['berlin', 'hamburg']);
    const two = await getAvailability(
      t.runner,
      { sku: 'coffee-kg', locationIds: ['hamburg', 'berlin'] },
      { actor: manager },
    );
    expect(two.locations.map((level) => [level.locationId, level.onHand])).toEqual([
      ['hamburg', '0.000'],
      ['berlin', '3.500'],
    ]);
    expect(two.totals.available).toBe('3.500');
    const outside = await rejection(
      getAvailability(t.runner, { sku: 'tea-each', locationIds: ['berlin', 'central'] }, { actor: manager }),
    );
    expect(isRetailKitError(outside, 'FORBIDDEN')).toBe(true);
    const chainWide = await rejection(getAvailability(t.runner, { sku: 'tea-each' }, { actor: manager }));
    expect(isRetailKitError(chainWide, 'FORBIDDEN')).toBe(true);
    expect(
      validationPaths(
        await rejection(
          getAvailability(
            t.runner,
            { sku: 'tea-each', locationIds: ['berlin', 'pluto'] },
            { actor: t.admin },
          ),
        ),
      ),
    ).toEqual(['locationIds.1']);
  });
});
