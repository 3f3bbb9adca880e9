import { isRetailKitError } from '@retailkit/core';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { setStockPolicy } from '../stock-commands/set-stock-policy.js';
import { createReserveCommand } from './reserve-stock.js';
import { splitByAvailability } from './split-by-availability.js';

const reserveSplit = createReserveCommand({ allocate: splitByAvailability });

describe('splitByAvailability', () => {
  it('takes each SKU from the preference locations in order, as much as each has', async () => {
    const t = await setupInventory();
    await t.receive('hamburg', 'tea-each', 3);
    await t.receive('central', 'tea-each', 10);
    await t.receive('berlin', 'tea-each', 1);
    await t.receive('berlin', 'coffee-kg', '2');
    const { result, events } = await t.run(reserveSplit, {
      reference: 'web-1',
      locationId: 'berlin',
      preference: ['hamburg', 'berlin', 'central'],
      lines: [
        { sku: 'tea-each', quantity: 4 },
        { sku: 'coffee-kg', quantity: '0.5' },
        { sku: 'tea-each', quantity: 2 },
      ],
    });
    expect(
      result.reservations.map((r) => [r.locationId, r.lines.map((line) => `${line.sku}:${line.quantity}`)]),
    ).toEqual([
      ['hamburg', ['tea-each:3']],
      ['berlin', ['tea-each:1', 'coffee-kg:0.500']],
      ['central', ['tea-each:2']],
    ]);
    expect(new Set(result.reservations.map((r) => r.reference))).toEqual(new Set(['web-1']));
    expect(await t.balances('hamburg', 'tea-each')).toEqual(['3', '3']);
    expect(await t.balances('berlin', 'tea-each')).toEqual(['1', '1']);
    expect(await t.balances('central', 'tea-each')).toEqual(['10', '2']);
    expect(events.map((e) => e.storeId)).toEqual(['hamburg', 'berlin', 'central']);
  });

  it('uses only the order store without a preference', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 2);
    await t.receive('central', 'tea-each', 10);
    const error = await rejection(
      t.execute(reserveSplit, {
        reference: 'o',
        locationId: 'berlin',
        lines: [{ sku: 'tea-each', quantity: 3 }],
      }),
    );
    expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
  });

  it('refuses the whole command when all locations together fall short, reserving nothing', async () => {
    const t = await setupInventory();
    await t.receive('hamburg', 'tea-each', 2);
    await t.receive('central', 'tea-each', 2);
    const error = await rejection(
      t.execute(reserveSplit, {
        reference: 'o',
        locationId: 'hamburg',
        preference: ['hamburg', 'central'],
        lines: [{ sku: 'tea-each', quantity: 5 }],
      }),
    );
    expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
    expect(await t.balances('hamburg', 'tea-each')).toEqual(['2', '0']);
    expect(await t.balances('central', 'tea-each')).toEqual(['2', '0']);
    expect(await t.reservations()).toEqual([]);
  });

  it('puts what no location has on the first one, where a backorder policy may accept it', async () => {
    const t = await setupInventory();
    await t.receive('hamburg', 'tea-each', 2);
    await t.receive('central', 'tea-each', 2);
    await t.execute(setStockPolicy, { locationId: 'hamburg', sku: 'tea-each', backorder: 'allow' });
    const { reservations } = await t.execute(reserveSplit, {
      reference: 'o',
      locationId: 'hamburg',
      preference: ['hamburg', 'central'],
      lines: [{ sku: 'tea-each', quantity: 5 }],
    });
    expect(reservations.map((r) => [r.locationId, r.lines[0]?.quantity])).toEqual([
      ['hamburg', '3'],
      ['central', '2'],
    ]);
  });
});
