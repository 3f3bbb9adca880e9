import type { OrderChannel, OrderFilter, OrderRecord } from '@retailkit/orders';
import { expect } from 'vitest';
import { anOrderRecord, insertOrders, type OrdersCase, type OrdersContext } from './orders-case-helpers.js';

const at = (time: string) => `2025-03-01T${time}:00.000Z`;

function anOrder(
  id: string,
  storeId: string,
  createdAt: string,
  customerId: string | null,
  status: string,
  channel: OrderChannel,
): OrderRecord {
  return anOrderRecord({
    id,
    storeId,
    locationId: storeId,
    createdAt: at(createdAt),
    customerId,
    status,
    channel,
  });
}

/** Six orders in two stores; three of store-a share an instant, so ties are broken by id. */
const ORDERS: readonly OrderRecord[] = [
  anOrder('a1', 'store-a', '10:00', 'c1', 'placed', 'in-store'),
  anOrder('a2', 'store-a', '11:00', 'c2', 'paid', 'pickup'),
  anOrder('a3', 'store-a', '11:00', 'c1', 'cancelled', 'delivery'),
  anOrder('a4', 'store-a', '11:00', null, 'draft', 'in-store'),
  anOrder('a5', 'store-a', '13:00', 'c1', 'placed', 'delivery'),
  anOrder('b1', 'store-b', '11:30', 'c1', 'placed', 'in-store'),
];

async function listedIds(context: OrdersContext, filter: OrderFilter, limit = 1000): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await context.storage.transaction((tx) =>
      tx.orders.listOrders(filter, after === undefined ? { limit } : { limit, after }),
    );
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((order) => order.id));
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return ids;
}

/** listOrders: filters that combine, newest first, and keyset pages that neither repeat nor skip. */
export const ordersListingCases: readonly OrdersCase[] = [
  {
    id: 'orders.list-filters',
    title:
      'listOrders filters by store, customer, statuses, channels and a half-open creation period, newest first',
    run: async (context) => {
      // Inserted out of order: the listing's order must come from the data, not insertion.
      const shuffled = ['a4', 'b1', 'a1', 'a5', 'a3', 'a2'];
      await insertOrders(
        context,
        shuffled.map((id) => ORDERS.find((order) => order.id === id) as OrderRecord),
      );
      const cases: [OrderFilter, string[]][] = [
        [{}, ['a5', 'b1', 'a4', 'a3', 'a2', 'a1']],
        [{ storeId: 'store-a' }, ['a5', 'a4', 'a3', 'a2', 'a1']],
        [{ storeId: 'store-c' }, []],
        [{ customerId: 'c1' }, ['a5', 'b1', 'a3', 'a1']],
        [{ statuses: ['placed', 'paid'] }, ['a5', 'b1', 'a2', 'a1']],
        [{ statuses: [] }, []],
        [{ channels: ['delivery'] }, ['a5', 'a3']],
        [{ channels: [] }, []],
        [{ from: at('11:00'), to: at('12:00') }, ['b1', 'a4', 'a3', 'a2']],
        [{ from: at('13:00') }, ['a5']],
        [{ to: at('10:00') }, []],
        [
          {
            storeId: 'store-a',
            customerId: 'c1',
            channels: ['in-store', 'delivery'],
            from: at('10:00'),
            to: at('13:00'),
          },
          ['a3', 'a1'],
        ],
      ];
      for (const [filter, expected] of cases) {
        expect(await listedIds(context, filter), JSON.stringify(filter)).toEqual(expected);
      }
      const [first] = (
        await context.storage.transaction((tx) => tx.orders.listOrders({ customerId: 'c2' }, { limit: 5 }))
      ).items;
      expect(first).toEqual(ORDERS[1]);
    },
  },
  {
    id: 'orders.list-pages-newest-first',
    title:
      'pages of 2 through 5 orders come newest first, ties by id, with no duplicate or miss, even as orders are added',
    run: async (context) => {
      await insertOrders(context, ORDERS);
      expect(await listedIds(context, { storeId: 'store-a' }, 2)).toEqual(['a5', 'a4', 'a3', 'a2', 'a1']);
      for (const limit of [1, 3, 4, 5, 6]) {
        expect(await listedIds(context, { storeId: 'store-a' }, limit), `limit ${limit}`).toEqual([
          'a5',
          'a4',
          'a3',
          'a2',
          'a1',
        ]);
      }
      const read = (after?: string) =>
        context.storage.transaction((tx) =>
          tx.orders.listOrders(
            { storeId: 'store-a' },
            after === undefined ? { limit: 2 } : { limit: 2, after },
          ),
        );
      const first = await read();
      expect(first.items.map((order) => order.id)).toEqual(['a5', 'a4']);
      expect(first.nextCursor).toEqual(expect.any(String));
      // A newer order and one inside the remaining range arrive between pages.
      await insertOrders(context, [
        anOrder('a6', 'store-a', '14:00', 'c1', 'placed', 'in-store'),
        anOrder('a0', 'store-a', '11:00', 'c1', 'placed', 'in-store'),
      ]);
      const second = await read(first.nextCursor ?? undefined);
      expect(second.items.map((order) => order.id)).toEqual(['a3', 'a2']);
      const third = await read(second.nextCursor ?? undefined);
      expect([third.items.map((order) => order.id), third.nextCursor]).toEqual([['a0', 'a1'], null]);
    },
  },
];
