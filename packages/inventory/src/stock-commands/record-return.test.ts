import { isRetailKitError } from '@retailkit/core';
import { aCashier, anActor } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { recordReturn } from './record-return.js';

describe('recordReturn', () => {
  it('puts sellable returns back on the shelf and writes damaged ones off', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 5, '2.00');
    const { result, events } = await t.run(
      recordReturn,
      {
        locationId: 'berlin',
        reference: 'order-9',
        lines: [
          { sku: 'tea-each', quantity: 2, condition: 'sellable' },
          { sku: 'tea-each', quantity: 1, condition: 'damaged' },
        ],
      },
      aCashier('berlin'),
    );
    expect(result.levels).toMatchObject([{ sku: 'tea-each', onHand: '7', available: '7' }]);
    const movements = await t.movements({ reasons: ['return-sellable', 'return-damaged', 'write-off'] });
    expect(movements.map((m) => [m.reason, m.quantity, m.unitCost, m.referenceId])).toEqual([
      ['return-sellable', '2', '2.000000', 'order-9'],
      ['return-damaged', '1', '2.000000', 'order-9'],
      ['write-off', '-1', '2.000000', 'order-9'],
    ]);
    expect(events.map((e) => [e.type, (e.payload as { condition: string }).condition])).toEqual([
      ['inventory.stock-returned', 'sellable'],
      ['inventory.stock-returned', 'damaged'],
    ]);
  });

  it('takes damaged returns even with nothing on hand', async () => {
    const t = await setupInventory();
    await t.execute(recordReturn, {
      locationId: 'hamburg',
      lines: [{ sku: 'coffee-kg', quantity: '0.5', condition: 'damaged' }],
    });
    expect(await t.balances('hamburg', 'coffee-kg')).toEqual(['0.000', '0.000']);
    expect(await t.movements({ locationId: 'hamburg' })).toHaveLength(2);
  });

  it('names bad fields and needs the return permission', async () => {
    const t = await setupInventory();
    const error = await rejection(
      t.execute(recordReturn, {
        locationId: 'berlin',
        lines: [
          { sku: 'tea-each', quantity: 1, condition: 'broken' as never },
          { sku: 'tea-each', quantity: '0.5', condition: 'sellable' },
        ],
      }),
    );
    expect(validationPaths(error)).toEqual(['lines.0.condition']);
    const fractional = await rejection(
      t.execute(recordReturn, {
        locationId: 'berlin',
        lines: [{ sku: 'tea-each', quantity: '0.5', condition: 'sellable' }],
      }),
    );
    expect(validationPaths(fractional)).toEqual(['lines.0.quantity']);
    const denied = await rejection(
      t.execute(
        recordReturn,
        { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 1, condition: 'sellable' }] },
        anActor({ roles: ['auditor'] }),
      ),
    );
    expect(isRetailKitError(denied, 'FORBIDDEN')).toBe(true);
    expect(await t.movements()).toEqual([]);
  });
});
