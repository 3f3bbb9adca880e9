import { createCommandRunner, FakeClock, sequentialIds } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { aCashier, aManager, anActor } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { createInventory } from './create-inventory.js';
import { splitByAvailability } from './reservations/split-by-availability.js';

function setup(options: { split?: boolean } = {}) {
  const runner = createCommandRunner({
    storage: createMemoryStorage(),
    clock: new FakeClock('2025-03-03T09:00:00Z'),
    ids: sequentialIds('inv'),
  });
  const inventory = createInventory(options.split ? { runner, allocation: splitByAvailability } : { runner });
  return { inventory };
}

describe('createInventory', () => {
  it('runs a store day through its methods: set up, stock in, reserve, sell, read', async () => {
    const { inventory } = setup();
    const manager = aManager(['berlin']);
    await inventory.defineLocation(
      { id: 'berlin', kind: 'store', name: 'Berlin Mitte', timeZone: 'Europe/Berlin', currency: 'EUR' },
      { actor: manager },
    );
    await inventory.registerItem({ sku: 'tea', name: 'Green tea' }, { actor: anActor() });
    await inventory.adjustStock(
      { locationId: 'berlin', lines: [{ sku: 'tea', quantity: 10, reason: 'found', unitCost: '2.00' }] },
      { actor: manager },
    );
    const cashier = aCashier('berlin');
    const reserved = await inventory.reserveStock(
      { reference: 'order-1', locationId: 'berlin', lines: [{ sku: 'tea', quantity: 3 }] },
      { actor: cashier },
    );
    const [reservation] = reserved.reservations;
    await inventory.commitReservation(
      { reservationId: reservation?.id ?? '', locationId: 'berlin' },
      { actor: cashier },
    );
    const level = await inventory.getStockLevel({ locationId: 'berlin', sku: 'tea' }, { actor: cashier });
    expect(level).toMatchObject({ onHand: '7', reserved: '0', available: '7', averageCost: '2.000000' });
  });

  it('uses the allocation strategy it was created with', async () => {
    const { inventory } = setup({ split: true });
    const admin = anActor();
    for (const id of ['berlin', 'central']) {
      await inventory.defineLocation(
        {
          id,
          kind: id === 'central' ? 'warehouse' : 'store',
          name: id,
          timeZone: 'Europe/Berlin',
          currency: 'EUR',
        },
        { actor: admin },
      );
    }
    await inventory.registerItem({ sku: 'tea', name: 'Green tea' }, { actor: admin });
    await inventory.adjustStock(
      { locationId: 'berlin', lines: [{ sku: 'tea', quantity: 2, reason: 'found' }] },
      { actor: admin },
    );
    await inventory.adjustStock(
      { locationId: 'central', lines: [{ sku: 'tea', quantity: 5, reason: 'found' }] },
      { actor: admin },
    );
    const result = await inventory.reserveStock(
      {
        reference: 'order-2',
        locationId: 'berlin',
        preference: ['berlin', 'central'],
        lines: [{ sku: 'tea', quantity: 4 }],
      },
      { actor: admin },
    );
    expect(result.reservations.map((r) => [r.locationId, r.lines.map((l) => l.quantity)])).toEqual([
      ['berlin', ['2']],
      ['central', ['2']],
    ]);
  });
});
