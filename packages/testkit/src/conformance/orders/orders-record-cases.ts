import { isRetailKitError } from '@retailkit/core';
import { expect } from 'vitest';
import { rejection } from '../../assertions/rejection.js';
import {
  aHistoryEntry,
  anOrderRecord,
  HOSTILE,
  insertOrders,
  type OrdersCase,
  storedOrder,
} from './orders-case-helpers.js';

/** Insert, read, versioned update and rollback of single orders. */
export const ordersRecordCases: readonly OrdersCase[] = [
  {
    id: 'orders.insert-get-roundtrip',
    title:
      'a full order (every list filled, hostile strings, amounts like "0.10") reads back exactly as written',
    run: async (context) => {
      const record = anOrderRecord({
        id: `o-${HOSTILE}`,
        customerId: `🧑‍🍳 ${HOSTILE}`,
        status: 'custom:état',
      });
      await insertOrders(context, [record]);
      expect(await storedOrder(context, record.id)).toEqual(record);
      const locked = await context.storage.transaction((tx) => tx.orders.getOrderForUpdate(record.id));
      expect(locked).toEqual(record);
      const draft = anOrderRecord({
        id: 'draft',
        customerId: null,
        placedAt: null,
        shippingAddress: null,
        pickupCode: 'P-0042',
        channel: 'pickup',
        lines: [],
        discounts: [],
        payments: [],
        fulfilments: [],
        shipments: [],
        returns: [],
        reservationIds: [],
        note: null,
      });
      await insertOrders(context, [draft]);
      expect(await storedOrder(context, 'draft')).toEqual(draft);
    },
  },
  {
    id: 'orders.get-unknown-is-undefined',
    title: 'reading an order that does not exist gives undefined, locked or not',
    run: async (context) => {
      await insertOrders(context, [anOrderRecord({ id: 'Order-1' })]);
      const read = await context.storage.transaction(async (tx) => [
        await tx.orders.getOrder('order-1'),
        await tx.orders.getOrder('ORDER-1'),
        await tx.orders.getOrderForUpdate('missing'),
      ]);
      expect(read).toEqual([undefined, undefined, undefined]);
    },
  },
  {
    id: 'orders.insert-duplicate-id-conflicts',
    title:
      'inserting an id that exists (in any store) is a ConflictError that is not retryable, and changes nothing',
    run: async (context) => {
      const first = anOrderRecord({ id: 'dup', note: 'first' });
      await insertOrders(context, [first]);
      for (const again of [
        anOrderRecord({ id: 'dup', note: 'second' }),
        anOrderRecord({ id: 'dup', storeId: 'store-b', locationId: 'store-b', note: 'other store' }),
      ]) {
        const error = await rejection(context.storage.transaction((tx) => tx.orders.insertOrder(again)));
        expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
        expect(error).toMatchObject({ retryable: false });
      }
      expect(await storedOrder(context, 'dup')).toEqual(first);
    },
  },
  {
    id: 'orders.update-stale-version-conflicts',
    title:
      'an update expecting a version that is not stored is a retryable ConflictError and changes nothing',
    run: async (context) => {
      const record = anOrderRecord({ id: 'o-stale' });
      await insertOrders(context, [record]);
      await context.storage.transaction((tx) =>
        tx.orders.updateOrder({ ...record, status: 'paid', version: 2 }, 1),
      );
      const current = await storedOrder(context, 'o-stale');
      for (const expected of [1, 3]) {
        const error = await rejection(
          context.storage.transaction((tx) =>
            tx.orders.updateOrder({ ...record, status: 'cancelled', version: expected + 1 }, expected),
          ),
        );
        expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
        expect(error).toMatchObject({ retryable: true });
      }
      expect(await storedOrder(context, 'o-stale')).toEqual(current);
      expect(current).toMatchObject({ status: 'paid', version: 2 });
    },
  },
  {
    id: 'orders.update-bumps-are-visible',
    title:
      'each update replaces the whole document and stores the next version, visible to the next transaction',
    run: async (context) => {
      const record = anOrderRecord({ id: 'o-bump' });
      await insertOrders(context, [record]);
      const second = {
        ...record,
        status: 'fulfilled',
        note: null,
        payments: [],
        reservationIds: ['res-9'],
        totals: { ...record.totals, total: '99.90' },
        updatedAt: '2025-03-03T10:00:00.000Z',
        version: 2,
      };
      await context.storage.transaction((tx) => tx.orders.updateOrder(second, 1));
      expect(await storedOrder(context, 'o-bump')).toEqual(second);
      const third = { ...second, status: 'completed', placedAt: null, version: 3 };
      // Read-your-writes inside one transaction, too.
      const inside = await context.storage.transaction(async (tx) => {
        const locked = await tx.orders.getOrderForUpdate('o-bump');
        await tx.orders.updateOrder(third, locked?.version ?? 0);
        return tx.orders.getOrder('o-bump');
      });
      expect(inside).toEqual(third);
      expect(await storedOrder(context, 'o-bump')).toEqual(third);
    },
  },
  {
    id: 'orders.rollback-leaves-nothing',
    title:
      'a transaction that throws after inserting, updating and appending history leaves no trace of them',
    run: async (context) => {
      const kept = anOrderRecord({ id: 'o-kept' });
      await insertOrders(context, [kept]);
      const failure = new Error('failing on purpose');
      const error = await rejection(
        context.storage.transaction(async (tx) => {
          await tx.orders.insertOrder(anOrderRecord({ id: 'o-new' }));
          await tx.orders.updateOrder({ ...kept, status: 'cancelled', version: 2 }, 1);
          await tx.orders.appendHistory([aHistoryEntry('o-new', 1), aHistoryEntry('o-kept', 1)]);
          throw failure;
        }),
      );
      expect(error).toBe(failure);
      const after = await context.storage.transaction(async (tx) => ({
        created: await tx.orders.getOrder('o-new'),
        kept: await tx.orders.getOrder('o-kept'),
        history: [...(await tx.orders.listHistory('o-new')), ...(await tx.orders.listHistory('o-kept'))],
        listed: (await tx.orders.listOrders({}, { limit: 10 })).items.map((order) => order.id),
      }));
      expect(after).toEqual({ created: undefined, kept, history: [], listed: ['o-kept'] });
    },
  },
];
