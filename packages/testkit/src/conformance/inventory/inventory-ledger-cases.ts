import type { Inventory, MovementReason, StockMovement } from '@retailkit/inventory';
import { expect } from 'vitest';
import { rejection } from '../../assertions/rejection.js';
import { validationPaths } from '../../assertions/validation-paths.js';
import {
  allPages,
  as,
  expectNoDrift,
  type InventoryCase,
  type InventoryContext,
  inventoryOf,
} from './inventory-case-helpers.js';
import { addStock, COFFEE, MUG, STORE_A, STORE_B, seedInventory, TEA } from './inventory-fixture.js';

/** A ledger entry the scenario expects, in the order it was written. */
interface Expected {
  readonly locationId: string;
  readonly sku: string;
  readonly reason: MovementReason;
  readonly quantity: string;
  readonly occurredAt: string;
}

const shape = (movement: StockMovement | Expected) => ({
  locationId: movement.locationId,
  sku: movement.sku,
  reason: movement.reason,
  quantity: movement.quantity,
  occurredAt: movement.occurredAt,
});

/**
 * Writes a ledger of about 50 entries over three business days through ordinary commands: several
 * entries per command and per instant (so paging must break ties by id), entries on both sides
 * of Berlin's midnight, and a New York store whose business date differs at the same instant.
 */
async function writeLedger(context: InventoryContext, inventory: Inventory): Promise<Expected[]> {
  await seedInventory(inventory, [STORE_A, STORE_B]);
  const expected: Expected[] = [];
  const now = () => context.clock.now().toISOString();
  const add = (locationId: string, sku: string, reason: MovementReason, quantity: string) =>
    expected.push({ locationId, sku, reason, quantity, occurredAt: now() });
  const sell = async (locationId: string, sku: string, quantity: string) => {
    await inventory.recordSale({ locationId, lines: [{ sku, quantity }] }, as);
    add(locationId, sku, 'sale', `-${quantity}`);
  };

  await addStock(inventory, STORE_A, TEA, '40');
  add(STORE_A, TEA, 'adjustment', '40');
  await addStock(inventory, STORE_A, COFFEE, '12.000');
  add(STORE_A, COFFEE, 'adjustment', '12.000');
  await inventory.adjustStock(
    {
      locationId: STORE_A,
      lines: [
        { sku: TEA, quantity: '1', reason: 'found' },
        { sku: MUG, quantity: '6', reason: 'found' },
        { sku: COFFEE, quantity: '-0.5', reason: 'damage' },
      ],
    },
    as,
  );
  add(STORE_A, TEA, 'adjustment', '1');
  add(STORE_A, MUG, 'adjustment', '6');
  add(STORE_A, COFFEE, 'adjustment', '-0.500');
  await addStock(inventory, STORE_B, TEA, '20');
  add(STORE_B, TEA, 'adjustment', '20');

  for (let i = 0; i < 20; i++) {
    if (i % 3 !== 0) context.clock.advance({ minutes: 20, seconds: i });
    if (i % 4 === 0) await sell(STORE_A, TEA, '1');
    else if (i % 4 === 1) {
      await inventory.recordReturn(
        { locationId: STORE_A, lines: [{ sku: TEA, quantity: '1', condition: 'damaged' }] },
        as,
      );
      add(STORE_A, TEA, 'return-damaged', '1');
      add(STORE_A, TEA, 'write-off', '-1');
    } else if (i % 4 === 2) await sell(STORE_B, TEA, '1');
    else {
      await inventory.recordReturn(
        { locationId: STORE_A, lines: [{ sku: COFFEE, quantity: '0.25', condition: 'sellable' }] },
        as,
      );
      add(STORE_A, COFFEE, 'return-sellable', '0.250');
    }
  }
  // Either side of midnight in Berlin (UTC+1 in March).
  context.clock.set('2025-03-01T22:59:59.999Z');
  await sell(STORE_A, TEA, '1');
  context.clock.set('2025-03-01T23:00:00.000Z');
  await sell(STORE_A, TEA, '2');
  // 22:00 on 1 March in New York, 04:00 on 2 March in Berlin.
  context.clock.set('2025-03-02T03:00:00.000Z');
  await sell(STORE_B, TEA, '1');
  await sell(STORE_A, MUG, '1');
  context.clock.advance({ days: 1 });
  await sell(STORE_A, TEA, '1');
  return expected;
}

/** The stock ledger: complete, ordered paging and exact filters. */
export const inventoryLedgerCases: readonly InventoryCase[] = [
  {
    id: 'inventory.ledger.pagination-complete-and-ordered',
    title:
      'history pages are complete and ordered by time then id, with no duplicates or gaps at any page size',
    run: async (context) => {
      const inventory = inventoryOf(context);
      const expected = await writeLedger(context, inventory);
      const all = await allPages((page) => inventory.listStockMovements(page, as));
      expect(all.map(shape)).toEqual(expected.map(shape));
      for (let i = 1; i < all.length; i++) {
        const [previous, current] = [all[i - 1] as StockMovement, all[i] as StockMovement];
        const ordered =
          previous.occurredAt < current.occurredAt ||
          (previous.occurredAt === current.occurredAt && previous.id < current.id);
        expect(ordered, `${previous.id} before ${current.id}`).toBe(true);
      }
      const ids = all.map((movement) => movement.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const limit of [1, 2, 3, 7, 50]) {
        const paged = await allPages((page) => inventory.listStockMovements(page, as), limit);
        expect(paged.map((movement) => movement.id)).toEqual(ids);
      }
      const inA = await allPages(
        (page) => inventory.listStockMovements({ locationId: STORE_A, ...page }, as),
        4,
      );
      expect(inA.map((movement) => movement.id)).toEqual(
        all.filter((movement) => movement.locationId === STORE_A).map((movement) => movement.id),
      );

      // Entries written while a reader pages through appear once, at the end.
      const first = await inventory.listStockMovements({ sku: TEA, limit: 5 }, as);
      await inventory.recordSale({ locationId: STORE_A, lines: [{ sku: TEA, quantity: '1' }] }, as);
      await inventory.recordSale({ locationId: STORE_B, lines: [{ sku: TEA, quantity: '1' }] }, as);
      const rest: StockMovement[] = [];
      for (let after = first.nextCursor; after !== null; ) {
        const page = await inventory.listStockMovements({ sku: TEA, limit: 5, after }, as);
        rest.push(...page.items);
        after = page.nextCursor;
      }
      const teaNow = await allPages((page) => inventory.listStockMovements({ sku: TEA, ...page }, as));
      expect([...first.items, ...rest].map((movement) => movement.id)).toEqual(
        teaNow.map((movement) => movement.id),
      );
      expect(teaNow).toHaveLength(all.filter((movement) => movement.sku === TEA).length + 2);
      await expectNoDrift(inventory);
    },
  },
  {
    id: 'inventory.ledger.filters-by-reason-and-period',
    title: "history filters by location, SKU, reason, half-open instants and the location's business dates",
    run: async (context) => {
      const inventory = inventoryOf(context);
      await writeLedger(context, inventory);
      const all = await allPages((page) => inventory.listStockMovements(page, as));
      const ids = (rows: readonly StockMovement[]) => rows.map((movement) => movement.id);
      const read = (filter: Parameters<Inventory['listStockMovements']>[0]) =>
        allPages((page) => inventory.listStockMovements({ ...filter, ...page }, as), 3);

      expect(ids(await read({ reasons: ['sale'] }))).toEqual(
        ids(all.filter((movement) => movement.reason === 'sale')),
      );
      expect(
        ids(await read({ locationId: STORE_A, sku: TEA, reasons: ['write-off', 'return-damaged'] })),
      ).toEqual(
        ids(
          all.filter(
            (movement) =>
              movement.locationId === STORE_A &&
              movement.sku === TEA &&
              (movement.reason === 'write-off' || movement.reason === 'return-damaged'),
          ),
        ),
      );

      // Instants: `from` inclusive, `to` exclusive, both landing exactly on entries.
      const instants = [...new Set(all.map((movement) => movement.occurredAt))];
      const from = instants[3] as string;
      const to = instants[9] as string;
      const inPeriod = all.filter((movement) => movement.occurredAt >= from && movement.occurredAt < to);
      expect(inPeriod.some((movement) => movement.occurredAt === from)).toBe(true);
      expect(ids(await read({ from, to }))).toEqual(ids(inPeriod));
      expect(ids(await read({ from: new Date(from), to: new Date(to), reasons: ['sale'] }))).toEqual(
        ids(inPeriod.filter((movement) => movement.reason === 'sale')),
      );

      // Business dates: 23:00Z on 1 March is already 2 March in Berlin.
      const secondOfMarch = await read({ locationId: STORE_A, fromDate: '2025-03-02', toDate: '2025-03-02' });
      expect(secondOfMarch.map((movement) => [movement.occurredAt, movement.sku, movement.quantity])).toEqual(
        [
          ['2025-03-01T23:00:00.000Z', TEA, '-2'],
          ['2025-03-02T03:00:00.000Z', MUG, '-1'],
        ],
      );
      expect(secondOfMarch.map((movement) => movement.businessDate)).toEqual(['2025-03-02', '2025-03-02']);
      const lastOfFirst = all.find((movement) => movement.occurredAt === '2025-03-01T22:59:59.999Z');
      expect(lastOfFirst?.businessDate).toBe('2025-03-01');
      // The same instant is still 1 March in New York.
      const newYork = all.find(
        (movement) => movement.locationId === STORE_B && movement.occurredAt === '2025-03-02T03:00:00.000Z',
      );
      expect(newYork?.businessDate).toBe('2025-03-01');
      expect(ids(await read({ locationId: STORE_B, fromDate: '2025-03-01', toDate: '2025-03-01' }))).toEqual(
        ids(all.filter((movement) => movement.locationId === STORE_B)),
      );

      const backwards = await rejection(inventory.listStockMovements({ from: to, to: from }, as));
      expect(validationPaths(backwards)).toEqual(['to']);
    },
  },
];
