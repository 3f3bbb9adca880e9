import { isRetailKitError } from '@retailkit/core';
import { aCashier, aClerk, anActor } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { registerItem } from '../items/register-item.js';
import { setStockPolicy } from '../stock-commands/set-stock-policy.js';
import type { AllocationStrategy } from './allocation-strategy.js';
import { createReserveCommand, reserveStock } from './reserve-stock.js';

describe('reserveStock', () => {
  it('reserves at the order store, one reservation with one line per SKU, and emits the fact', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    await t.receive('berlin', 'coffee-kg', '2.5');
    const { result, events } = await t.run(
      reserveStock,
      {
        reference: 'order-1',
        locationId: 'berlin',
        lines: [
          { sku: 'tea-each', quantity: 2 },
          { sku: 'coffee-kg', quantity: '0.25' },
          { sku: 'tea-each', quantity: '1' },
        ],
        ttlMinutes: 30,
      },
      aCashier('berlin'),
    );
    expect(result).toEqual({
      reference: 'order-1',
      reservations: [
        {
          id: expect.any(String),
          reference: 'order-1',
          locationId: 'berlin',
          status: 'open',
          lines: [
            { sku: 'tea-each', unit: 'each', quantity: '3', committed: '0', released: '0', open: '3' },
            {
              sku: 'coffee-kg',
              unit: 'kg',
              quantity: '0.250',
              committed: '0.000',
              released: '0.000',
              open: '0.250',
            },
          ],
          expiresAt: '2025-03-03T09:30:00.000Z',
          actorId: 'cashier@berlin',
          createdAt: '2025-03-03T09:00:00.000Z',
          updatedAt: '2025-03-03T09:00:00.000Z',
        },
      ],
    });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['10', '3']);
    expect(await t.balances('berlin', 'coffee-kg')).toEqual(['2.500', '0.250']);
    const id = result.reservations[0]?.id as string;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'inventory.stock-reserved',
      stream: `reservation:${id}`,
      storeId: 'berlin',
      payload: {
        reservationId: id,
        reference: 'order-1',
        locationId: 'berlin',
        status: 'open',
        businessDate: '2025-03-03',
        lines: [
          { sku: 'tea-each', categoryId: 'tea', unit: 'each', quantity: '3' },
          { sku: 'coffee-kg', categoryId: 'coffee', unit: 'kg', quantity: '0.250' },
        ],
      },
    });
    // Reserving writes no ledger entry: on hand did not move.
    expect(await t.movements({ reasons: ['sale'] })).toEqual([]);
  });

  it('replays an idempotent reserve instead of reserving twice', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 5);
    const input = { reference: 'o', locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 2 }] };
    const first = await t.runner.run(reserveStock, input, { actor: t.admin, idempotencyKey: 'k-1' });
    const again = await t.runner.run(reserveStock, input, { actor: t.admin, idempotencyKey: 'k-1' });
    expect(again.replayed).toBe(true);
    expect(again.result).toEqual(first.result);
    expect(await t.balances('berlin', 'tea-each')).toEqual(['5', '2']);
  });

  it('checks two lines of one SKU together: 5 + 5 against 8 is refused and nothing is reserved', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 8);
    await t.receive('berlin', 'coffee-kg', 1);
    const error = await rejection(
      t.execute(reserveStock, {
        reference: 'order-1',
        locationId: 'berlin',
        lines: [
          { sku: 'coffee-kg', quantity: '0.5' },
          { sku: 'tea-each', quantity: 5 },
          { sku: 'tea-each', quantity: 5 },
        ],
      }),
    );
    expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
    expect((error as { details: unknown }).details).toEqual({
      shortages: [{ locationId: 'berlin', sku: 'tea-each', requested: '10', available: '8' }],
    });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['8', '0']);
    expect(await t.balances('berlin', 'coffee-kg')).toEqual(['1.000', '0.000']);
    expect(await t.reservations()).toEqual([]);
  });

  it('lets the backorder policy reserve below zero, down to its limit', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 3);
    await t.execute(setStockPolicy, {
      locationId: 'berlin',
      sku: 'tea-each',
      backorder: 'allow',
      backorderLimit: 2,
    });
    await t.execute(reserveStock, {
      reference: 'o-1',
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 5 }],
    });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['3', '5']);
    const error = await rejection(
      t.execute(reserveStock, {
        reference: 'o-2',
        locationId: 'berlin',
        lines: [{ sku: 'tea-each', quantity: 1 }],
      }),
    );
    expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
    expect((error as { details: unknown }).details).toEqual({
      shortages: [{ locationId: 'berlin', sku: 'tea-each', requested: '1', available: '0' }],
    });
    // Without a limit it goes on.
    await t.execute(setStockPolicy, { locationId: 'berlin', sku: 'tea-each', backorderLimit: null });
    await t.execute(reserveStock, {
      reference: 'o-2',
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 10 }],
    });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['3', '15']);
  });

  it('names the field of bad input and changes nothing', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 5);
    const reserve = (input: Record<string, unknown>) =>
      rejection(
        t.execute(reserveStock, {
          reference: 'o-1',
          locationId: 'berlin',
          lines: [{ sku: 'tea-each', quantity: 1 }],
          ...input,
        } as never),
      );
    expect(validationPaths(await reserve({ locationId: 'nowhere' }))).toEqual(['locationId']);
    expect(validationPaths(await reserve({ preference: ['berlin', 'atlantis'] }))).toEqual(['preference.1']);
    expect(
      validationPaths(
        await reserve({
          lines: [
            { sku: 'tea-each', quantity: 1 },
            { sku: 'ghost', quantity: 1 },
            { sku: 'tea-each', quantity: '1.5' },
          ],
        }),
      ),
    ).toEqual(['lines.1.sku', 'lines.2.quantity']);
    expect(validationPaths(await reserve({ lines: [{ sku: 'tea-each', quantity: -1 }] }))).toEqual([
      'lines.0.quantity',
    ]);
    expect(validationPaths(await reserve({ lines: [{ sku: 'tea-each', quantity: '0' }] }))).toEqual([
      'lines.0.quantity',
    ]);
    expect(validationPaths(await reserve({ lines: [] }))).toEqual(['lines']);
    expect(validationPaths(await reserve({ ttlMinutes: 5, expiresAt: '2025-03-04T00:00:00Z' }))).toEqual([
      'ttlMinutes',
    ]);
    expect(validationPaths(await reserve({ expiresAt: '2025-03-03T09:00:00Z' }))).toEqual(['expiresAt']);
    expect(await t.balances('berlin', 'tea-each')).toEqual(['5', '0']);
    expect(await t.reservations()).toEqual([]);
  });

  it('refuses discontinued items', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 5);
    await t.execute(registerItem, {
      sku: 'tea-each',
      name: 'Green tea',
      categoryId: 'tea',
      status: 'discontinued',
    });
    const error = await rejection(
      t.execute(reserveStock, {
        reference: 'o',
        locationId: 'berlin',
        lines: [{ sku: 'tea-each', quantity: 1 }],
      }),
    );
    expect(validationPaths(error)).toEqual(['lines.0.sku']);
  });

  it('needs the actor in the order store and in every preference location', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 5);
    const input = { reference: 'o', locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 1 }] };
    const elsewhere = await rejection(t.execute(reserveStock, input, aCashier('hamburg')));
    expect(isRetailKitError(elsewhere, 'FORBIDDEN')).toBe(true);
    const preference = await rejection(
      t.execute(reserveStock, { ...input, preference: ['hamburg'] }, aCashier('berlin')),
    );
    expect(isRetailKitError(preference, 'FORBIDDEN')).toBe(true);
    const stranger = await rejection(t.execute(reserveStock, input, anActor({ roles: ['auditor'] })));
    expect(isRetailKitError(stranger, 'FORBIDDEN')).toBe(true);
    await t.execute(reserveStock, input, aClerk('berlin'));
    expect(await t.balances('berlin', 'tea-each')).toEqual(['5', '1']);
  });

  it('refuses a strategy that breaks its contract, reserving nothing', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 5);
    await t.receive('hamburg', 'tea-each', 5);
    const greedy: AllocationStrategy = {
      name: 'greedy',
      allocate: async (request) => [
        { locationId: 'hamburg', lines: request.lines.map((line) => ({ sku: line.sku, units: line.units })) },
      ],
    };
    const short: AllocationStrategy = {
      name: 'short',
      allocate: async (request) => [
        { locationId: request.locationId, lines: [{ sku: 'tea-each', units: 1n }] },
      ],
    };
    const input = { reference: 'o', locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 2 }] };
    for (const allocate of [greedy, short]) {
      const error = await rejection(t.execute(createReserveCommand({ allocate }), input));
      expect(isRetailKitError(error, 'INTERNAL')).toBe(true);
    }
    expect(await t.reservations()).toEqual([]);
    expect(await t.balances('hamburg', 'tea-each')).toEqual(['5', '0']);
  });
});
