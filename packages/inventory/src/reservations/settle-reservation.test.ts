import { isRetailKitError } from '@retailkit/core';
import { aCashier } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { setStockPolicy } from '../stock-commands/set-stock-policy.js';
import { commitReservation } from './commit-reservation.js';
import { releaseReservation } from './release-reservation.js';
import { reserveStock } from './reserve-stock.js';

async function reserved() {
  const t = await setupInventory();
  await t.receive('berlin', 'tea-each', 10, '2.00');
  await t.receive('berlin', 'coffee-kg', '3', '12.50');
  const { reservations } = await t.execute(reserveStock, {
    reference: 'order-7',
    locationId: 'berlin',
    lines: [
      { sku: 'tea-each', quantity: 4 },
      { sku: 'coffee-kg', quantity: '1.5' },
    ],
  });
  return { t, id: reservations[0]?.id as string };
}

describe('commitReservation and releaseReservation', () => {
  it('reserve → partial commit → release the rest: on hand and reserved drop together on commit', async () => {
    const { t, id } = await reserved();
    const cashier = aCashier('berlin');
    const committed = await t.run(
      commitReservation,
      { reservationId: id, locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 3 }] },
      cashier,
    );
    expect(committed.result.status).toBe('open');
    expect(committed.result.lines).toEqual([
      { sku: 'tea-each', unit: 'each', quantity: '4', committed: '3', released: '0', open: '1' },
      {
        sku: 'coffee-kg',
        unit: 'kg',
        quantity: '1.500',
        committed: '0.000',
        released: '0.000',
        open: '1.500',
      },
    ]);
    expect(await t.balances('berlin', 'tea-each')).toEqual(['7', '1']);
    const sales = await t.movements({ reasons: ['sale'] });
    expect(sales).toMatchObject([
      {
        locationId: 'berlin',
        sku: 'tea-each',
        quantity: '-3',
        unitCost: '2.000000',
        referenceType: 'reservation',
        referenceId: id,
        note: 'for order-7',
        actorId: 'cashier@berlin',
      },
    ]);
    expect(committed.events).toMatchObject([
      {
        type: 'inventory.reservation-committed',
        stream: `reservation:${id}`,
        storeId: 'berlin',
        payload: {
          reservationId: id,
          reference: 'order-7',
          currency: 'EUR',
          status: 'open',
          lines: [{ sku: 'tea-each', categoryId: 'tea', unit: 'each', quantity: '3', unitCost: '2.000000' }],
        },
      },
    ]);

    const released = await t.run(releaseReservation, { reservationId: id, locationId: 'berlin' }, cashier);
    expect(released.result.status).toBe('committed');
    expect(released.result.lines.map((line) => [line.committed, line.released, line.open])).toEqual([
      ['3', '1', '0'],
      ['0.000', '1.500', '0.000'],
    ]);
    expect(await t.balances('berlin', 'tea-each')).toEqual(['7', '0']);
    expect(await t.balances('berlin', 'coffee-kg')).toEqual(['3.000', '0.000']);
    expect(released.events[0]).toMatchObject({
      type: 'inventory.reservation-released',
      payload: {
        status: 'committed',
        lines: [
          { sku: 'tea-each', quantity: '1' },
          { sku: 'coffee-kg', quantity: '1.500' },
        ],
      },
    });
    expect((await t.stream(`reservation:${id}`)).map((event) => event.type)).toEqual([
      'inventory.stock-reserved',
      'inventory.reservation-committed',
      'inventory.reservation-released',
    ]);
  });

  it('commits everything when no lines are given, and a full release ends as released', async () => {
    const { t, id } = await reserved();
    const result = await t.execute(commitReservation, { reservationId: id });
    expect(result.status).toBe('committed');
    expect(await t.balances('berlin', 'tea-each')).toEqual(['6', '0']);
    expect(await t.balances('berlin', 'coffee-kg')).toEqual(['1.500', '0.000']);

    const other = await t.execute(reserveStock, {
      reference: 'order-8',
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 2 }],
    });
    const otherId = other.reservations[0]?.id as string;
    expect((await t.execute(releaseReservation, { reservationId: otherId })).status).toBe('released');
    expect(await t.balances('berlin', 'tea-each')).toEqual(['6', '0']);
  });

  it('commits promised stock without a new availability check (a backorder reservation)', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 3);
    await t.execute(setStockPolicy, { locationId: 'berlin', sku: 'tea-each', backorder: 'allow' });
    const { reservations } = await t.execute(reserveStock, {
      reference: 'o',
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 5 }],
    });
    await t.execute(setStockPolicy, { locationId: 'berlin', sku: 'tea-each', backorder: 'refuse' });
    await t.execute(commitReservation, { reservationId: reservations[0]?.id as string });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['-2', '0']);
  });

  it('refuses to commit or release more than a line still holds, naming the line', async () => {
    const { t, id } = await reserved();
    await t.execute(commitReservation, { reservationId: id, lines: [{ sku: 'tea-each', quantity: 3 }] });
    const over = await rejection(
      t.execute(releaseReservation, {
        reservationId: id,
        lines: [
          { sku: 'tea-each', quantity: 1 },
          { sku: 'tea-each', quantity: 1 },
        ],
      }),
    );
    expect(validationPaths(over)).toEqual(['lines.1.quantity']);
    const overCommit = await rejection(
      t.execute(commitReservation, { reservationId: id, lines: [{ sku: 'coffee-kg', quantity: '1.501' }] }),
    );
    expect(validationPaths(overCommit)).toEqual(['lines.0.quantity']);
    const foreign = await rejection(
      t.execute(commitReservation, { reservationId: id, lines: [{ sku: 'ghost', quantity: 1 }] }),
    );
    expect(validationPaths(foreign)).toEqual(['lines.0.sku']);
    expect(await t.balances('berlin', 'tea-each')).toEqual(['7', '1']);
    expect(await t.balances('berlin', 'coffee-kg')).toEqual(['3.000', '1.500']);
  });

  it('refuses to act on a final reservation, and hides reservations of other stores', async () => {
    const { t, id } = await reserved();
    await t.execute(releaseReservation, { reservationId: id });
    for (const command of [commitReservation, releaseReservation]) {
      const error = await rejection(t.execute(command, { reservationId: id }));
      expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
      expect((error as { details: unknown }).details).toMatchObject({ from: 'released' });
    }
    const missing = await rejection(t.execute(commitReservation, { reservationId: 'nope' }));
    expect(isRetailKitError(missing, 'NOT_FOUND')).toBe(true);
    const wrongStore = await rejection(
      t.execute(commitReservation, { reservationId: id, locationId: 'hamburg' }, aCashier('hamburg')),
    );
    expect(isRetailKitError(wrongStore, 'NOT_FOUND')).toBe(true);
  });

  it('lets a store-limited cashier act only by naming the store', async () => {
    const { t, id } = await reserved();
    const chainWide = await rejection(
      t.execute(commitReservation, { reservationId: id }, aCashier('berlin')),
    );
    expect(isRetailKitError(chainWide, 'FORBIDDEN')).toBe(true);
    const result = await t.execute(
      commitReservation,
      { reservationId: id, locationId: 'berlin' },
      aCashier('berlin'),
    );
    expect(result.status).toBe('committed');
  });
});
