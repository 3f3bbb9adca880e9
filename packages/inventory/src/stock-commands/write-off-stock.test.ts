import { isRetailKitError } from '@retailkit/core';
import { aCashier, aClerk } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { writeOffStock } from './write-off-stock.js';

describe('writeOffStock', () => {
  it('writes stock off at average cost, guarded by availability', async () => {
    const t = await setupInventory();
    await t.receive('central', 'coffee-kg', '10', '8.00');
    const { events } = await t.run(
      writeOffStock,
      { locationId: 'central', lines: [{ sku: 'coffee-kg', quantity: '1.2', note: 'mould' }] },
      aClerk('central'),
    );
    expect(await t.balances('central', 'coffee-kg')).toEqual(['8.800', '0.000']);
    expect(await t.movements({ reasons: ['write-off'] })).toMatchObject([
      { quantity: '-1.200', unitCost: '8.000000', note: 'mould', actorId: 'clerk@central' },
    ]);
    expect(events[0]).toMatchObject({
      type: 'inventory.stock-written-off',
      payload: { quantity: '1.200', unitCost: '8.000000', note: 'mould', onHand: '8.800' },
    });
    const short = await rejection(
      t.execute(writeOffStock, { locationId: 'central', lines: [{ sku: 'coffee-kg', quantity: '9' }] }),
    );
    expect(isRetailKitError(short, 'INSUFFICIENT_STOCK')).toBe(true);
    const cashier = await rejection(
      t.execute(
        writeOffStock,
        { locationId: 'berlin', lines: [{ sku: 'coffee-kg', quantity: '1' }] },
        aCashier('berlin'),
      ),
    );
    expect(isRetailKitError(cashier, 'FORBIDDEN')).toBe(true);
  });
});
