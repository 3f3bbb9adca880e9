import { isRetailKitError } from '@retailkit/core';
import { aClerk, aManager } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { commitReservation } from './commit-reservation.js';
import { expireReservations } from './expire-reservations.js';
import { reserveStock } from './reserve-stock.js';

describe('expireReservations', () => {
  it('expires open reservations that are due, handing back what they still hold', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    await t.receive('hamburg', 'tea-each', 10);
    const reserve = async (
      locationId: string,
      quantity: number,
      expiry: { ttlMinutes?: number; expiresAt?: string },
    ) =>
      (
        await t.execute(reserveStock, {
          reference: `order-${locationId}-${quantity}`,
          locationId,
          lines: [{ sku: 'tea-each', quantity }],
          ...expiry,
        })
      ).reservations[0]?.id as string;
    const due = await reserve('berlin', 4, { ttlMinutes: 30 });
    const exactlyNow = await reserve('berlin', 1, { expiresAt: '2025-03-03T09:45:00Z' });
    const later = await reserve('berlin', 2, { ttlMinutes: 120 });
    const never = await reserve('berlin', 1, {});
    const otherStore = await reserve('hamburg', 3, { ttlMinutes: 10 });
    await t.execute(commitReservation, { reservationId: due, lines: [{ sku: 'tea-each', quantity: 1 }] });

    t.clock.set('2025-03-03T09:45:00Z');
    const { result, events } = await t.run(
      expireReservations,
      { locationId: 'berlin' },
      aManager(['berlin']),
    );
    expect(result).toEqual({ expired: [due, exactlyNow], more: false });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['9', '3']);
    const stored = new Map((await t.reservations()).map((r) => [r.id, r]));
    expect(stored.get(due)).toMatchObject({
      status: 'expired',
      lines: [{ sku: 'tea-each', quantity: '4', committed: '1', released: '3' }],
    });
    expect([later, never, otherStore].map((id) => stored.get(id)?.status)).toEqual(['open', 'open', 'open']);
    expect(events.map((e) => [e.type, e.stream, e.payload])).toEqual([
      [
        'inventory.reservation-expired',
        `reservation:${due}`,
        expect.objectContaining({ status: 'expired', lines: [expect.objectContaining({ quantity: '3' })] }),
      ],
      [
        'inventory.reservation-expired',
        `reservation:${exactlyNow}`,
        expect.objectContaining({ status: 'expired' }),
      ],
    ]);

    // A chain-wide run (system or unscoped manager) takes the other store too.
    expect((await t.execute(expireReservations, {})).expired).toEqual([otherStore]);
    expect(await t.balances('hamburg', 'tea-each')).toEqual(['10', '0']);
    expect((await t.execute(expireReservations, {})).expired).toEqual([]);
  });

  it('works in batches', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    for (let i = 0; i < 3; i++) {
      await t.execute(reserveStock, {
        reference: `o-${i}`,
        locationId: 'berlin',
        lines: [{ sku: 'tea-each', quantity: 1 }],
        ttlMinutes: 1,
      });
    }
    t.clock.advance({ minutes: 1 });
    expect(await t.execute(expireReservations, { limit: 2 })).toMatchObject({ more: true });
    expect(await t.execute(expireReservations, { limit: 2 })).toMatchObject({ more: false });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['10', '0']);
  });

  it('is a manager or system job, and names an unknown location', async () => {
    const t = await setupInventory();
    const clerk = await rejection(t.execute(expireReservations, { locationId: 'berlin' }, aClerk('berlin')));
    expect(isRetailKitError(clerk, 'FORBIDDEN')).toBe(true);
    expect(
      validationPaths(await rejection(t.execute(expireReservations, { locationId: 'atlantis' }))),
    ).toEqual(['locationId']);
  });
});
