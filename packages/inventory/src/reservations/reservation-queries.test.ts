import { isRetailKitError } from '@retailkit/core';
import { aCashier } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { getReservation } from './get-reservation.js';
import { listReservations } from './list-reservations.js';
import { releaseReservation } from './release-reservation.js';
import { reserveStock } from './reserve-stock.js';

async function withReservations() {
  const t = await setupInventory();
  await t.receive('berlin', 'tea-each', 10);
  await t.receive('hamburg', 'tea-each', 10);
  const ids: string[] = [];
  for (const [reference, locationId] of [
    ['order-1', 'berlin'],
    ['order-2', 'berlin'],
    ['order-1', 'hamburg'],
    ['order-3', 'berlin'],
  ] as const) {
    const { reservations } = await t.execute(reserveStock, {
      reference,
      locationId,
      lines: [{ sku: 'tea-each', quantity: 1 }],
    });
    ids.push(reservations[0]?.id as string);
  }
  await t.execute(releaseReservation, { reservationId: ids[1] as string });
  return { t, ids };
}

describe('reservation queries', () => {
  it('reads one reservation, hiding it from the wrong store', async () => {
    const { t, ids } = await withReservations();
    const id = ids[0] as string;
    const view = await getReservation(
      t.runner,
      { reservationId: id, locationId: 'berlin' },
      { actor: aCashier('berlin') },
    );
    expect(view).toMatchObject({
      id,
      reference: 'order-1',
      status: 'open',
      lines: [{ sku: 'tea-each', open: '1' }],
    });
    const wrong = await rejection(
      getReservation(t.runner, { reservationId: id, locationId: 'hamburg' }, { actor: aCashier('hamburg') }),
    );
    expect(isRetailKitError(wrong, 'NOT_FOUND')).toBe(true);
    const forbidden = await rejection(
      getReservation(t.runner, { reservationId: id }, { actor: aCashier('berlin') }),
    );
    expect(isRetailKitError(forbidden, 'FORBIDDEN')).toBe(true);
    expect(
      validationPaths(await rejection(getReservation(t.runner, { reservationId: '' }, { actor: t.admin }))),
    ).toEqual(['reservationId']);
  });

  it('lists by reference, location and status, a page at a time', async () => {
    const { t, ids } = await withReservations();
    const byReference = await listReservations(t.runner, { reference: 'order-1' }, { actor: t.admin });
    expect(byReference.items.map((r) => r.id)).toEqual([ids[0], ids[2]]);
    const open = await listReservations(
      t.runner,
      { locationId: 'berlin', status: 'open' },
      { actor: aCashier('berlin') },
    );
    expect(open.items.map((r) => r.id)).toEqual([ids[0], ids[3]]);

    const first = await listReservations(t.runner, { limit: 3 }, { actor: t.admin });
    expect(first.items.map((r) => r.id)).toEqual(ids.slice(0, 3));
    const second = await listReservations(
      t.runner,
      { limit: 3, after: first.nextCursor as string },
      { actor: t.admin },
    );
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[3] })], nextCursor: null });
    expect(
      validationPaths(
        await rejection(listReservations(t.runner, { status: 'lost' as never }, { actor: t.admin })),
      ),
    ).toEqual(['status']);
  });
});
