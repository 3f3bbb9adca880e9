import { isRetailKitError } from '@retailkit/core';
import type {
  InventoryRepository,
  Page,
  PageRequest,
  ReservationRecord,
  StockCountRecord,
  StockLevelRecord,
  StockMovementRecord,
  TransferRecord,
} from '@retailkit/inventory';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStorage, type MemoryStorage } from '../src/index.js';

const NOW = '2025-03-01T10:00:00.000Z';
const LATER = '2025-03-01T11:00:00.000Z';
const A1 = { locationId: 'store-1', sku: 'A' };

const run = <T>(storage: MemoryStorage, fn: (repo: InventoryRepository) => Promise<T>): Promise<T> =>
  storage.transaction((tx) => fn(tx.inventory));

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );

function aMovement(overrides: Partial<StockMovementRecord> & { readonly id: string }): StockMovementRecord {
  return {
    locationId: 'store-1',
    sku: 'A',
    reason: 'receipt',
    subReason: null,
    quantity: '1',
    unitCost: null,
    referenceType: null,
    referenceId: null,
    actorId: 'clerk-1',
    occurredAt: NOW,
    businessDate: '2025-03-01',
    note: null,
    ...overrides,
  };
}

function aReservation(overrides: Partial<ReservationRecord> & { readonly id: string }): ReservationRecord {
  return {
    reference: 'order-1',
    locationId: 'store-1',
    status: 'open',
    lines: [{ sku: 'A', quantity: '2', committed: '0', released: '0' }],
    expiresAt: null,
    actorId: 'cashier-1',
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...overrides,
  };
}

function aTransfer(overrides: Partial<TransferRecord> & { readonly id: string }): TransferRecord {
  return {
    fromLocationId: 'warehouse-1',
    toLocationId: 'store-1',
    status: 'requested',
    lines: [
      {
        sku: 'A',
        requested: '5',
        shipped: '0',
        received: '0',
        short: '0',
        over: '0',
        damaged: '0',
        unitCost: null,
      },
    ],
    suggestionId: null,
    shippedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...overrides,
  };
}

async function readAll<T>(read: (page: PageRequest) => Promise<Page<T>>, limit = 2): Promise<T[]> {
  const rows: T[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await read({ limit, after });
    rows.push(...page.items);
    if (page.nextCursor === null) return rows;
    after = page.nextCursor;
  }
  throw new Error('pagination does not end');
}

describe('memory inventory repository: applyStockDelta', () => {
  it('creates a zero row with default settings when the key has none', async () => {
    const storage = createMemoryStorage();
    const level = await run(storage, (repo) =>
      repo.applyStockDelta(A1, { onHand: '5.000', incoming: '2' }, { availableFloor: '0', now: NOW }),
    );
    const expected: StockLevelRecord = {
      locationId: 'store-1',
      sku: 'A',
      onHand: '5',
      reserved: '0',
      incoming: '2',
      inTransit: '0',
      safetyStock: '0',
      backorder: 'refuse',
      backorderLimit: null,
      averageCost: null,
      updatedAt: NOW,
    };
    expect(level).toEqual(expected);
    expect(await run(storage, (repo) => repo.getLevel(A1))).toEqual(expected);
  });

  it('adds deltas exactly and stamps the change', async () => {
    const storage = createMemoryStorage();
    await run(storage, (repo) =>
      repo.applyStockDelta(A1, { onHand: '1.5' }, { availableFloor: null, now: NOW }),
    );
    const level = await run(storage, (repo) =>
      repo.applyStockDelta(A1, { onHand: '0.25', reserved: '1.75' }, { availableFloor: '0', now: LATER }),
    );
    expect(level).toMatchObject({ onHand: '1.75', reserved: '1.75', updatedAt: LATER });
  });

  it('refuses, changing nothing, when available would fall below the floor', async () => {
    const storage = createMemoryStorage();
    await run(storage, (repo) =>
      repo.applyStockDelta(A1, { onHand: '3' }, { availableFloor: '0', now: NOW }),
    );
    const refused = await run(storage, (repo) =>
      repo.applyStockDelta(A1, { reserved: '3.001' }, { availableFloor: '0', now: LATER }),
    );
    expect(refused).toBeUndefined();
    expect(await run(storage, (repo) => repo.getLevel(A1))).toMatchObject({ reserved: '0', updatedAt: NOW });
    // Exactly at the floor is allowed.
    const atFloor = await run(storage, (repo) =>
      repo.applyStockDelta(A1, { reserved: '3' }, { availableFloor: '0', now: LATER }),
    );
    expect(atFloor).toMatchObject({ onHand: '3', reserved: '3' });
  });

  it('honours a negative floor (backorder allowance) and skips the check when the floor is null', async () => {
    const storage = createMemoryStorage();
    const floor = { availableFloor: '-2', now: NOW };
    expect(await run(storage, (repo) => repo.applyStockDelta(A1, { onHand: '-2' }, floor))).toMatchObject({
      onHand: '-2',
    });
    expect(await run(storage, (repo) => repo.applyStockDelta(A1, { onHand: '-0.5' }, floor))).toBeUndefined();
    const unlimited = await run(storage, (repo) =>
      repo.applyStockDelta(A1, { onHand: '-100' }, { availableFloor: null, now: NOW }),
    );
    expect(unlimited).toMatchObject({ onHand: '-102' });
  });

  it('never lets reserved, incoming or in transit go negative, whatever the floor', async () => {
    const storage = createMemoryStorage();
    const noFloor = { availableFloor: null, now: NOW };
    for (const delta of [{ reserved: '-1' }, { incoming: '-0.001' }, { inTransit: '-1' }]) {
      expect(await run(storage, (repo) => repo.applyStockDelta(A1, delta, noFloor))).toBeUndefined();
    }
    expect(await run(storage, (repo) => repo.getLevel(A1))).toBeUndefined();
    await run(storage, (repo) => repo.applyStockDelta(A1, { incoming: '4', inTransit: '4' }, noFloor));
    const back = await run(storage, (repo) =>
      repo.applyStockDelta(A1, { incoming: '-4', inTransit: '-4' }, noFloor),
    );
    expect(back).toMatchObject({ incoming: '0', inTransit: '0' });
  });

  it('keeps a failed guard from creating the zero row', async () => {
    const storage = createMemoryStorage();
    const refused = await run(storage, (repo) =>
      repo.applyStockDelta(A1, { reserved: '1' }, { availableFloor: '0', now: NOW }),
    );
    expect(refused).toBeUndefined();
    expect(await run(storage, (repo) => repo.getLevel(A1))).toBeUndefined();
  });

  it('keeps keys apart even when ids contain separator characters', async () => {
    const storage = createMemoryStorage();
    const noFloor = { availableFloor: null, now: NOW };
    await run(storage, async (repo) => {
      await repo.applyStockDelta({ locationId: 'a\u0000b', sku: 'c' }, { onHand: '1' }, noFloor);
      await repo.applyStockDelta({ locationId: 'a', sku: 'b\u0000c' }, { onHand: '2' }, noFloor);
      await repo.applyStockDelta({ locationId: '1:a', sku: 'b' }, { onHand: '3' }, noFloor);
      await repo.applyStockDelta({ locationId: '1', sku: ':ab' }, { onHand: '4' }, noFloor);
    });
    const levels = await run(storage, (repo) => repo.listLevels({}, { limit: 10 }));
    expect(levels.items.map((level) => level.onHand).sort()).toEqual(['1', '2', '3', '4']);
  });

  it('hands out frozen rows that later writes do not change', async () => {
    const storage = createMemoryStorage();
    const first = await run(storage, (repo) =>
      repo.applyStockDelta(A1, { onHand: '1' }, { availableFloor: null, now: NOW }),
    );
    expect(Object.isFrozen(first)).toBe(true);
    await run(storage, (repo) =>
      repo.applyStockDelta(A1, { onHand: '1' }, { availableFloor: null, now: NOW }),
    );
    expect(first?.onHand).toBe('1');
  });
});

describe('memory inventory repository: level settings', () => {
  it('creates a zero row and changes only the given settings', async () => {
    const storage = createMemoryStorage();
    const created = await run(storage, (repo) =>
      repo.updateLevelSettings(A1, { backorder: 'allow', backorderLimit: '5', now: NOW }),
    );
    expect(created).toMatchObject({
      onHand: '0',
      reserved: '0',
      safetyStock: '0',
      backorder: 'allow',
      backorderLimit: '5',
      averageCost: null,
      updatedAt: NOW,
    });
    await run(storage, (repo) =>
      repo.applyStockDelta(A1, { onHand: '7' }, { availableFloor: null, now: NOW }),
    );
    const updated = await run(storage, (repo) =>
      repo.updateLevelSettings(A1, { backorderLimit: null, averageCost: '2.5', now: LATER }),
    );
    expect(updated).toEqual({
      ...created,
      onHand: '7',
      backorderLimit: null,
      averageCost: '2.5',
      updatedAt: LATER,
    });
  });

  it('putLevel overwrites the row as given', async () => {
    const storage = createMemoryStorage();
    await run(storage, (repo) =>
      repo.applyStockDelta(A1, { onHand: '7' }, { availableFloor: null, now: NOW }),
    );
    const rebuilt = await run(storage, async (repo) => {
      const level = (await repo.getLevel(A1)) as StockLevelRecord;
      await repo.putLevel({ ...level, onHand: '6', reserved: '1', updatedAt: LATER });
      return repo.getLevel(A1);
    });
    expect(rebuilt).toMatchObject({ onHand: '6', reserved: '1', updatedAt: LATER });
  });
});

describe('memory inventory repository: transactions', () => {
  it('rolls back every kind of write when the transaction throws', async () => {
    const storage = createMemoryStorage();
    const noFloor = { availableFloor: null, now: NOW };
    await run(storage, async (repo) => {
      await repo.applyStockDelta(A1, { onHand: '10' }, noFloor);
      await repo.appendMovements([aMovement({ id: 'm1', quantity: '10' })]);
      await repo.insertReservation(aReservation({ id: 'r1' }));
      await repo.putReorderRule({
        ...A1,
        reorderPoint: '2',
        method: 'fixed-quantity',
        reorderQuantity: '10',
        maxLevel: null,
        leadTimeDays: 2,
        demandWindowDays: null,
        source: { kind: 'purchase', supplierId: 'sup-1' },
        alerting: false,
        updatedAt: NOW,
      });
    });
    const snapshot = () =>
      run(storage, async (repo) => ({
        levels: await repo.listLevels({}, { limit: 100 }),
        movements: await repo.listMovements({}, { limit: 100 }),
        reservations: await repo.listReservations({}, { limit: 100 }),
        transfers: await repo.listTransfers({}, { limit: 100 }),
        rules: await repo.listReorderRules({}, { limit: 100 }),
        locations: await repo.listLocations({}, { limit: 100 }),
        items: await repo.listItems({}, { limit: 100 }),
      }));
    const before = await snapshot();

    const error = await failure(
      run(storage, async (repo) => {
        await repo.applyStockDelta(A1, { onHand: '-3', reserved: '2' }, noFloor);
        await repo.applyStockDelta({ locationId: 'store-2', sku: 'B' }, { onHand: '1' }, noFloor);
        await repo.updateLevelSettings(A1, { safetyStock: '4', now: LATER });
        await repo.appendMovements([aMovement({ id: 'm2', quantity: '-3' })]);
        await repo.updateReservation(aReservation({ id: 'r1', status: 'committed' }), 1);
        await repo.insertTransfer(aTransfer({ id: 't1' }));
        await repo.deleteReorderRule(A1);
        await repo.putLocation({
          id: 'store-2',
          kind: 'store',
          name: 'Two',
          timeZone: 'Europe/Paris',
          dayStart: '04:00',
          currency: 'EUR',
          status: 'active',
          createdAt: NOW,
        });
        await repo.putItem({
          sku: 'B',
          name: 'Bee',
          unit: 'each',
          scale: 0,
          categoryId: null,
          status: 'active',
          createdAt: NOW,
        });
        throw new Error('boom');
      }),
    );
    expect((error as Error).message).toBe('boom');
    expect(await snapshot()).toEqual(before);
  });
});

describe('memory inventory repository: versioned documents', () => {
  it('stores expectedVersion + 1 whatever the record says', async () => {
    const storage = createMemoryStorage();
    await run(storage, (repo) => repo.insertReservation(aReservation({ id: 'r1' })));
    await run(storage, (repo) =>
      repo.updateReservation(aReservation({ id: 'r1', status: 'released', version: 7 }), 1),
    );
    expect(await run(storage, (repo) => repo.getReservation('r1'))).toMatchObject({
      status: 'released',
      version: 2,
    });
  });

  it('keeps the unit cost of transfer and count lines as given', async () => {
    const storage = createMemoryStorage();
    const shippedLine = { sku: 'A', requested: '5', shipped: '4', received: '0', short: '0', over: '0' };
    const transfer = aTransfer({
      id: 't1',
      status: 'shipped',
      shippedAt: NOW,
      lines: [{ ...shippedLine, damaged: '0', unitCost: '2.500000' }],
    });
    const count: StockCountRecord = {
      id: 'c1',
      locationId: 'store-1',
      status: 'posted',
      blind: false,
      scope: 'skus',
      lines: [
        { sku: 'A', expected: '5', counted: '4', unitCost: '2.500000' },
        { sku: 'B', expected: '1', counted: '1', unitCost: null },
      ],
      openedAt: NOW,
      postedAt: LATER,
      updatedAt: LATER,
      version: 1,
    };
    await run(storage, async (repo) => {
      await repo.insertTransfer(transfer);
      await repo.insertCount(count);
    });
    expect(await run(storage, (repo) => repo.getTransfer('t1'))).toEqual(transfer);
    expect(await run(storage, (repo) => repo.getCount('c1'))).toEqual(count);
  });

  it('throws a retryable ConflictError on a stale version and changes nothing', async () => {
    const storage = createMemoryStorage();
    await run(storage, (repo) => repo.insertTransfer(aTransfer({ id: 't1' })));
    await run(storage, (repo) => repo.updateTransfer(aTransfer({ id: 't1', status: 'approved' }), 1));
    const error = await failure(
      run(storage, (repo) => repo.updateTransfer(aTransfer({ id: 't1', status: 'cancelled' }), 1)),
    );
    expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
    expect((error as { retryable: boolean }).retryable).toBe(true);
    expect(await run(storage, (repo) => repo.getTransfer('t1'))).toMatchObject({
      status: 'approved',
      version: 2,
    });
  });

  it('throws NotFoundError when updating a document that does not exist', async () => {
    const storage = createMemoryStorage();
    const error = await failure(
      run(storage, (repo) => repo.updateReservation(aReservation({ id: 'nope' }), 1)),
    );
    expect(isRetailKitError(error, 'NOT_FOUND')).toBe(true);
    expect(await run(storage, (repo) => repo.getReservation('nope'))).toBeUndefined();
  });

  it('throws a non-retryable ConflictError when inserting an id that exists', async () => {
    const storage = createMemoryStorage();
    await run(storage, (repo) => repo.insertReservation(aReservation({ id: 'r1' })));
    const error = await failure(
      run(storage, (repo) => repo.insertReservation(aReservation({ id: 'r1', reference: 'other' }))),
    );
    expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
    expect((error as { retryable: boolean }).retryable).toBe(false);
    expect(await run(storage, (repo) => repo.getReservation('r1'))).toMatchObject({ reference: 'order-1' });
  });

  it('appends no movement of a batch that repeats an id', async () => {
    const storage = createMemoryStorage();
    await run(storage, (repo) => repo.appendMovements([aMovement({ id: 'm1' })]));
    for (const batch of [
      [aMovement({ id: 'm2' }), aMovement({ id: 'm1' })],
      [aMovement({ id: 'm3' }), aMovement({ id: 'm3' })],
    ]) {
      const error = await storage
        .transaction(async (tx) => {
          // Caught inside the transaction: the repository itself must not have written part of the batch.
          const caught = await failure(tx.inventory.appendMovements(batch));
          return caught;
        })
        .catch((e: unknown) => e);
      expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
    }
    const ids = (await run(storage, (repo) => repo.listMovements({}, { limit: 10 }))).items.map((m) => m.id);
    expect(ids).toEqual(['m1']);
  });
});

describe('memory inventory repository: reads and filters', () => {
  it('getItems returns the existing items once each', async () => {
    const storage = createMemoryStorage();
    const item = {
      name: 'x',
      unit: 'each',
      scale: 0,
      categoryId: null,
      status: 'active',
      createdAt: NOW,
    } as const;
    await run(storage, async (repo) => {
      await repo.putItem({ ...item, sku: 'A' });
      await repo.putItem({ ...item, sku: 'B' });
    });
    const found = await run(storage, (repo) => repo.getItems(['B', 'missing', 'A', 'B']));
    expect(found.map((i) => i.sku).sort()).toEqual(['A', 'B']);
  });

  it('lists levels by location then SKU, filtered', async () => {
    const storage = createMemoryStorage();
    const noFloor = { availableFloor: null, now: NOW };
    await run(storage, async (repo) => {
      for (const [locationId, sku] of [
        ['s2', 'A'],
        ['s1', 'B'],
        ['s1', 'A'],
        ['s2', 'C'],
      ] as const) {
        await repo.applyStockDelta({ locationId, sku }, { onHand: '1' }, noFloor);
      }
    });
    const keys = (levels: readonly StockLevelRecord[]) => levels.map((l) => `${l.locationId}/${l.sku}`);
    const all = await run(storage, (repo) => readAll((page) => repo.listLevels({}, page), 3));
    expect(keys(all)).toEqual(['s1/A', 's1/B', 's2/A', 's2/C']);
    expect(
      keys((await run(storage, (repo) => repo.listLevels({ locationId: 's2' }, { limit: 10 }))).items),
    ).toEqual(['s2/A', 's2/C']);
    expect(keys((await run(storage, (repo) => repo.listLevels({ sku: 'A' }, { limit: 10 }))).items)).toEqual([
      's1/A',
      's2/A',
    ]);
  });

  it('filters movements by key, reasons and a half-open time range', async () => {
    const storage = createMemoryStorage();
    await run(storage, (repo) =>
      repo.appendMovements([
        aMovement({ id: 'm1', occurredAt: '2025-03-01T09:00:00.000Z', reason: 'receipt' }),
        aMovement({ id: 'm2', occurredAt: '2025-03-01T10:00:00.000Z', reason: 'sale', quantity: '-1' }),
        aMovement({ id: 'm3', occurredAt: '2025-03-01T11:00:00.000Z', reason: 'sale', quantity: '-1' }),
        aMovement({ id: 'm4', occurredAt: '2025-03-01T10:00:00.000Z', reason: 'sale', sku: 'B' }),
      ]),
    );
    const ids = async (filter: Parameters<InventoryRepository['listMovements']>[0]) =>
      (await run(storage, (repo) => repo.listMovements(filter, { limit: 10 }))).items.map((m) => m.id);
    expect(await ids({})).toEqual(['m1', 'm2', 'm4', 'm3']);
    expect(await ids({ reasons: ['sale'], sku: 'A' })).toEqual(['m2', 'm3']);
    expect(await ids({ from: '2025-03-01T10:00:00.000Z', to: '2025-03-01T11:00:00.000Z' })).toEqual([
      'm2',
      'm4',
    ]);
    expect(await ids({ reasons: [] })).toEqual([]);
  });

  it('sums movements per key exactly and leaves out keys without any', async () => {
    const storage = createMemoryStorage();
    await run(storage, (repo) =>
      repo.appendMovements([
        aMovement({ id: 'm1', quantity: '0.1' }),
        aMovement({ id: 'm2', quantity: '0.2' }),
        aMovement({ id: 'm3', quantity: '-0.3', reason: 'sale' }),
        aMovement({ id: 'm4', quantity: '2.50', locationId: 'store-0' }),
        aMovement({ id: 'm5', quantity: '4', sku: 'B', reason: 'adjustment', subReason: 'found' }),
      ]),
    );
    expect(await run(storage, (repo) => repo.movementTotals({}))).toEqual([
      { locationId: 'store-0', sku: 'A', quantity: '2.5' },
      { locationId: 'store-1', sku: 'A', quantity: '0' },
      { locationId: 'store-1', sku: 'B', quantity: '4' },
    ]);
    expect(
      await run(storage, (repo) => repo.movementTotals({ reasons: ['receipt'], locationId: 'store-1' })),
    ).toEqual([{ locationId: 'store-1', sku: 'A', quantity: '0.3' }]);
    expect(await run(storage, (repo) => repo.movementTotals({ sku: 'Z' }))).toEqual([]);
  });

  it('matches a transfer location at either end, and SKUs and statuses as documented', async () => {
    const storage = createMemoryStorage();
    await run(storage, async (repo) => {
      await repo.insertTransfer(aTransfer({ id: 't1', fromLocationId: 'w1', toLocationId: 's1' }));
      await repo.insertTransfer(
        aTransfer({ id: 't2', fromLocationId: 's1', toLocationId: 's2', status: 'shipped' }),
      );
      await repo.insertTransfer(
        aTransfer({
          id: 't3',
          fromLocationId: 'w1',
          toLocationId: 's2',
          status: 'received',
          lines: [
            {
              sku: 'B',
              requested: '1',
              shipped: '1',
              received: '1',
              short: '0',
              over: '0',
              damaged: '0',
              unitCost: null,
            },
          ],
        }),
      );
    });
    const ids = async (filter: Parameters<InventoryRepository['listTransfers']>[0]) =>
      (await run(storage, (repo) => repo.listTransfers(filter, { limit: 10 }))).items.map((t) => t.id);
    expect(await ids({ locationId: 's1' })).toEqual(['t1', 't2']);
    expect(await ids({ toLocationId: 's2' })).toEqual(['t2', 't3']);
    expect(await ids({ statuses: ['shipped', 'received'] })).toEqual(['t2', 't3']);
    expect(await ids({ sku: 'B' })).toEqual(['t3']);
    expect(await ids({ locationId: 'w1', sku: 'A' })).toEqual(['t1']);
  });

  it('finds reservations expiring before an instant, never those without expiry', async () => {
    const storage = createMemoryStorage();
    await run(storage, async (repo) => {
      await repo.insertReservation(aReservation({ id: 'r1', expiresAt: '2025-03-01T09:00:00.000Z' }));
      await repo.insertReservation(aReservation({ id: 'r2', expiresAt: NOW }));
      await repo.insertReservation(aReservation({ id: 'r3', expiresAt: null }));
      await repo.insertReservation(
        aReservation({ id: 'r4', expiresAt: '2025-03-01T08:00:00.000Z', status: 'expired' }),
      );
    });
    const ids = async (filter: Parameters<InventoryRepository['listReservations']>[0]) =>
      (await run(storage, (repo) => repo.listReservations(filter, { limit: 10 }))).items.map((r) => r.id);
    expect(await ids({ expiresBefore: NOW })).toEqual(['r1', 'r4']);
    expect(await ids({ expiresBefore: NOW, status: 'open' })).toEqual(['r1']);
    expect(await ids({ reference: 'order-2' })).toEqual([]);
  });

  it('deletes a reorder rule once', async () => {
    const storage = createMemoryStorage();
    await run(storage, (repo) =>
      repo.putReorderRule({
        ...A1,
        reorderPoint: '2',
        method: 'up-to-max',
        reorderQuantity: null,
        maxLevel: '10',
        leadTimeDays: 1,
        demandWindowDays: null,
        source: { kind: 'transfer', fromLocationId: 'w1' },
        alerting: false,
        updatedAt: NOW,
      }),
    );
    expect(await run(storage, (repo) => repo.deleteReorderRule(A1))).toBe(true);
    expect(await run(storage, (repo) => repo.deleteReorderRule(A1))).toBe(false);
    expect(await run(storage, (repo) => repo.getReorderRule(A1))).toBeUndefined();
  });
});

describe('memory inventory repository: pagination', () => {
  it('rejects a malformed cursor or limit', async () => {
    const storage = createMemoryStorage();
    await run(storage, (repo) => repo.appendMovements([aMovement({ id: 'm1' })]));
    for (const page of [
      { limit: 10, after: 'not json' },
      { limit: 10, after: '["only-one"]' },
      { limit: 0 },
    ]) {
      const error = await failure(run(storage, (repo) => repo.listMovements({}, page)));
      expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
    }
  });

  it('returns every row once, in order, whatever the page sizes', async () => {
    const movement = fc.record({
      // Few instants, so many rows tie on occurredAt and the id decides.
      occurredAt: fc.constantFrom(
        '2025-03-01T09:00:00.000Z',
        '2025-03-01T10:00:00.000Z',
        '2025-03-02T00:00:00.000Z',
      ),
      id: fc.string({ minLength: 1, maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(movement, { selector: (m) => m.id, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
        async (rows, sizes) => {
          const storage = createMemoryStorage();
          await run(storage, (repo) => repo.appendMovements(rows.map((row) => aMovement(row))));
          const seen: string[] = [];
          let after: string | undefined;
          for (let i = 0; ; i++) {
            if (i > rows.length) throw new Error('pagination does not end');
            const limit = sizes[i % sizes.length] as number;
            const page = await run(storage, (repo) => repo.listMovements({}, { limit, after }));
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items.map((m) => `${m.occurredAt}|${m.id}`));
            if (page.nextCursor === null) break;
            expect(page.items).toHaveLength(limit);
            after = page.nextCursor;
          }
          const expected = rows.map((m) => `${m.occurredAt}|${m.id}`).sort(codeUnitOrder);
          expect(seen).toEqual(expected);
        },
      ),
    );
  });

  it('stays complete and free of duplicates when rows are inserted between pages', async () => {
    const id = fc.string({ minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(id, { maxLength: 30 }),
        fc.uniqueArray(id, { maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        async (initial, inserted, limit) => {
          const storage = createMemoryStorage();
          await run(storage, async (repo) => {
            for (const rid of initial) await repo.insertReservation(aReservation({ id: rid }));
          });
          const pending = inserted.filter((rid) => !initial.includes(rid));
          const seen: string[] = [];
          let after: string | undefined;
          for (let i = 0; ; i++) {
            if (i > initial.length + inserted.length) throw new Error('pagination does not end');
            const page = await run(storage, (repo) => repo.listReservations({}, { limit, after }));
            seen.push(...page.items.map((r) => r.id));
            if (page.nextCursor === null) break;
            after = page.nextCursor;
            const next = pending.shift();
            if (next !== undefined)
              await run(storage, (repo) => repo.insertReservation(aReservation({ id: next })));
          }
          expect(new Set(seen).size).toBe(seen.length);
          expect([...seen].sort(codeUnitOrder)).toEqual(seen);
          for (const rid of initial) expect(seen).toContain(rid);
        },
      ),
    );
  });
});

function codeUnitOrder(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
