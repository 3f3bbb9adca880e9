import { isRetailKitError } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import type { RetailKit } from '../../src/index.js';
import { cashier, clerk, kitFixture, manager, seedKit } from '../support/kit-fixture.js';

/**
 * Four orders an hour apart from 10:00 UTC: berlin-1 (cust-1, draft), berlin-2 (cust-2, placed),
 * berlin-3 (cust-1, placed) and hamburg-1 (cust-1, draft). Returns their ids by those names.
 */
async function fourOrders() {
  const { kit, clock } = kitFixture();
  await seedKit(kit as RetailKit);
  const ids: Record<string, string> = {};
  const plan = [
    ['berlin-1', 'berlin', 'cust-1', false],
    ['berlin-2', 'berlin', 'cust-2', true],
    ['berlin-3', 'berlin', 'cust-1', true],
    ['hamburg-1', 'hamburg', 'cust-1', false],
  ] as const;
  for (const [name, storeId, customerId, place] of plan) {
    const order = await kit.orders.createOrder(
      { storeId, channel: 'pickup', customerId, lines: [{ sku: 'TEA', quantity: 1 }], place },
      { actor: manager },
    );
    ids[name] = order.id;
    clock.advance({ hours: 1 });
  }
  return { kit, ids };
}

describe('order queries', () => {
  it('lists by store, customer, status and period, newest first, a page at a time', async () => {
    const { kit, ids } = await fourOrders();
    const list = async (input: Parameters<typeof kit.orders.listOrders>[0], actor = manager) =>
      (await kit.orders.listOrders(input, { actor })).items.map((order) => order.id);

    expect(await list({ storeId: 'berlin' }, cashier)).toEqual([
      ids['berlin-3'],
      ids['berlin-2'],
      ids['berlin-1'],
    ]);
    expect(await list({ storeId: 'berlin', customerId: 'cust-1' })).toEqual([
      ids['berlin-3'],
      ids['berlin-1'],
    ]);
    expect(await list({ storeId: 'berlin', statuses: ['placed'] })).toEqual([
      ids['berlin-3'],
      ids['berlin-2'],
    ]);
    expect(await list({ customerId: 'cust-1' })).toEqual([
      ids['hamburg-1'],
      ids['berlin-3'],
      ids['berlin-1'],
    ]);
    // Half-open: 11:00 is in, 13:00 (hamburg-1) is out.
    expect(await list({ from: '2026-03-02T11:00:00Z', to: '2026-03-02T13:00:00Z' })).toEqual([
      ids['berlin-3'],
      ids['berlin-2'],
    ]);

    const first = await kit.orders.listOrders({ storeId: 'berlin', limit: 2 }, { actor: cashier });
    expect(first.items.map((order) => order.id)).toEqual([ids['berlin-3'], ids['berlin-2']]);
    expect(first.nextCursor).toBeTruthy();
    const second = await kit.orders.listOrders(
      { storeId: 'berlin', limit: 2, after: first.nextCursor ?? undefined },
      { actor: cashier },
    );
    expect(second.items.map((order) => order.id)).toEqual([ids['berlin-1']]);
    expect(second.nextCursor ?? null).toBeNull();

    const backwards = await rejection(
      kit.orders.listOrders({ from: '2026-03-02T12:00:00Z', to: '2026-03-02T11:00:00Z' }, { actor: manager }),
    );
    expect(validationPaths(backwards)).toEqual(['to']);
  });

  it("reads another store's order as not found for a store-limited cashier", async () => {
    const { kit, ids } = await fourOrders();
    const hamburg = ids['hamburg-1'] as string;
    const viaBerlin = await rejection(
      kit.orders.getOrder({ storeId: 'berlin', orderId: hamburg }, { actor: cashier }),
    );
    expect(isRetailKitError(viaBerlin, 'NOT_FOUND')).toBe(true);
    const history = await rejection(
      kit.orders.getOrderHistory({ storeId: 'berlin', orderId: hamburg }, { actor: cashier }),
    );
    expect(isRetailKitError(history, 'NOT_FOUND')).toBe(true);
    const inHamburg = await rejection(
      kit.orders.getOrder({ storeId: 'hamburg', orderId: hamburg }, { actor: cashier }),
    );
    expect(isRetailKitError(inHamburg, 'FORBIDDEN')).toBe(true);
    const chainWide = await rejection(kit.orders.listOrders({}, { actor: cashier }));
    expect(isRetailKitError(chainWide, 'FORBIDDEN')).toBe(true);
    const order = await kit.orders.getOrder({ storeId: 'hamburg', orderId: hamburg }, { actor: manager });
    expect(order.storeId).toBe('hamburg');
  });

  it('emits orders.* events that carry the store and each line with SKU, category, net and tax', async () => {
    const storage = createMemoryStorage();
    const { kit } = kitFixture(storage);
    await seedKit(kit as unknown as RetailKit);
    const placed = await kit.orders.createOrder(
      {
        storeId: 'berlin',
        channel: 'pickup',
        customerId: 'cust-1',
        lines: [
          { sku: 'TEA', quantity: 2 },
          { sku: 'MUG', quantity: 1 },
        ],
        place: true,
      },
      { actor: cashier },
    );
    const ref = { storeId: 'berlin', orderId: placed.id };
    await kit.orders.recordPayment(
      { ...ref, key: 'card', tender: 'card', amount: placed.totals.total },
      { actor: cashier },
    );
    await kit.orders.fulfilOrder(ref, { actor: clerk });
    const events = await storage.transaction((tx) => tx.outbox.readStream(`order:${placed.id}`));
    expect(events.map((event) => event.type)).toEqual([
      'orders.created',
      'orders.place',
      'orders.capture',
      'orders.fulfil',
    ]);
    expect(events.map((event) => event.actorId)).toEqual(['cara', 'cara', 'cara', 'cleo']);
    for (const event of events) {
      expect(event.storeId).toBe('berlin');
      expect(event.payload).toMatchObject({
        orderId: placed.id,
        storeId: 'berlin',
        businessDay: '2026-03-02',
        customerId: 'cust-1',
        currency: 'EUR',
        totals: placed.totals,
        lines: [
          {
            lineId: '1',
            sku: 'TEA',
            categoryId: 'tea',
            quantity: '2',
            net: '9.98',
            tax: '0.70',
            total: '10.68',
          },
          {
            lineId: '2',
            sku: 'MUG',
            categoryId: 'ware',
            quantity: '1',
            net: '12.00',
            tax: '2.28',
            total: '14.28',
          },
        ],
      });
    }
    expect(events[3]?.payload).toMatchObject({
      event: 'fulfil',
      from: 'paid',
      to: 'fulfilled',
      status: 'fulfilled',
      lines: [{ fulfilled: '2' }, { fulfilled: '1' }],
    });
    expect(events[2]?.payload).toMatchObject({ details: { tender: 'card', amount: placed.totals.total } });
  });

  it('dates an event by the store-local business day: 03:30 in Berlin is still the day before', async () => {
    const storage = createMemoryStorage();
    const { kit, clock } = kitFixture(storage);
    await seedKit(kit as unknown as RetailKit);
    const placed = await kit.orders.createOrder(
      { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'TEA', quantity: 1 }], place: true },
      { actor: cashier },
    );
    clock.set('2026-03-03T02:30:00Z'); // 03:30 in Berlin; the business day starts at 04:00
    await kit.orders.cancelOrder(
      { storeId: 'berlin', orderId: placed.id, reason: 'late call' },
      { actor: manager },
    );
    const events = await storage.transaction((tx) => tx.outbox.readStream(`order:${placed.id}`));
    expect(
      events.map((event) => [event.type, (event.payload as { businessDay: string }).businessDay]),
    ).toEqual([
      ['orders.created', '2026-03-02'],
      ['orders.place', '2026-03-02'],
      ['orders.cancel', '2026-03-02'],
    ]);
  });
});
