import { isRetailKitError } from '@retailkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InventorySetup, setupInventory } from '../../test/support/setup-inventory.js';
import { toUnits } from '../stock/stock-units.js';
import { adjustStock } from '../stock-commands/adjust-stock.js';
import { recordSale } from '../stock-commands/record-sale.js';
import { commitReservation } from './commit-reservation.js';
import { expireReservations } from './expire-reservations.js';
import { releaseReservation } from './release-reservation.js';
import { reserveStock } from './reserve-stock.js';

const LOCATIONS = ['berlin', 'hamburg'] as const;
const step = fc.oneof(
  fc.record({
    kind: fc.constant('reserve' as const),
    locationId: fc.constantFrom(...LOCATIONS),
    quantities: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
    ttlMinutes: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constantFrom('commit' as const, 'release' as const),
    pick: fc.nat(),
    part: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('sell' as const),
    locationId: fc.constantFrom(...LOCATIONS),
    quantity: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('restock' as const),
    locationId: fc.constantFrom(...LOCATIONS),
    quantity: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ kind: fc.constant('expire' as const), minutes: fc.integer({ min: 0, max: 20 }) }),
);

async function checkInvariants(t: InventorySetup): Promise<void> {
  const reservations = await t.reservations();
  for (const locationId of LOCATIONS) {
    const level = await t.level(locationId, 'tea-each');
    const onHand = toUnits(level?.onHand ?? '0', 0);
    const reserved = toUnits(level?.reserved ?? '0', 0);
    const ledger = (await t.movements({ locationId, sku: 'tea-each' })).reduce(
      (sum, movement) => sum + toUnits(movement.quantity, 0),
      0n,
    );
    const held = reservations
      .filter((r) => r.locationId === locationId && r.status === 'open')
      .flatMap((r) => r.lines)
      .reduce(
        (sum, line) =>
          sum + toUnits(line.quantity, 0) - toUnits(line.committed, 0) - toUnits(line.released, 0),
        0n,
      );
    expect(onHand).toBe(ledger);
    expect(reserved).toBe(held);
    expect(onHand - reserved).toBeGreaterThanOrEqual(0n);
  }
  for (const reservation of reservations) {
    const open = reservation.lines.some(
      (line) => toUnits(line.quantity, 0) > toUnits(line.committed, 0) + toUnits(line.released, 0),
    );
    expect(open).toBe(reservation.status === 'open');
  }
}

describe('reservations keep the stock invariants (model-based)', () => {
  it('on hand = ledger, reserved = open reservations, available never negative', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 15 }), async (steps) => {
        const t = await setupInventory();
        await t.receive('berlin', 'tea-each', 8);
        await t.receive('hamburg', 'tea-each', 3);
        let n = 0;
        for (const s of steps) {
          try {
            if (s.kind === 'reserve') {
              await t.execute(reserveStock, {
                reference: `o-${n++}`,
                locationId: s.locationId,
                lines: s.quantities.map((quantity) => ({ sku: 'tea-each', quantity })),
                ...(s.ttlMinutes === undefined ? {} : { ttlMinutes: s.ttlMinutes }),
              });
            } else if (s.kind === 'commit' || s.kind === 'release') {
              const open = (await t.reservations()).filter((r) => r.status === 'open');
              const target = open[s.pick % Math.max(open.length, 1)];
              if (!target) continue;
              const command = s.kind === 'commit' ? commitReservation : releaseReservation;
              await t.execute(command, {
                reservationId: target.id,
                ...(s.part ? { lines: [{ sku: 'tea-each', quantity: 1 }] } : {}),
              });
            } else if (s.kind === 'sell') {
              await t.execute(recordSale, {
                locationId: s.locationId,
                lines: [{ sku: 'tea-each', quantity: s.quantity }],
              });
            } else if (s.kind === 'restock') {
              await t.execute(adjustStock, {
                locationId: s.locationId,
                lines: [{ sku: 'tea-each', quantity: s.quantity, reason: 'found' }],
              });
            } else if (s.kind === 'expire') {
              t.clock.advance({ minutes: s.minutes });
              await t.execute(expireReservations, {});
            }
          } catch (error) {
            if (!isRetailKitError(error, 'INSUFFICIENT_STOCK')) throw error;
          }
          await checkInvariants(t);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never reserves more than is available under concurrent requests', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) =>
        t.execute(reserveStock, {
          reference: `o-${i}`,
          locationId: 'berlin',
          lines: [{ sku: 'tea-each', quantity: 1 }],
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected')
        expect(isRetailKitError(outcome.reason, 'INSUFFICIENT_STOCK')).toBe(true);
    }
    expect(await t.balances('berlin', 'tea-each')).toEqual(['10', '10']);
  });
});
