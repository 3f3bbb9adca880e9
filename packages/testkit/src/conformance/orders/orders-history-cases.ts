import { isRetailKitError } from '@retailkit/core';
import { expect } from 'vitest';
import { rejection } from '../../assertions/rejection.js';
import {
  aHistoryEntry,
  anOrderRecord,
  HOSTILE,
  insertOrders,
  type OrdersCase,
} from './orders-case-helpers.js';

/** The append-only order history. */
export const ordersHistoryCases: readonly OrdersCase[] = [
  {
    id: 'orders.history-append-and-list',
    title:
      'history entries append across transactions and list by sequence, with reasons and details verbatim',
    run: async (context) => {
      await insertOrders(context, [anOrderRecord({ id: 'o-h' }), anOrderRecord({ id: 'o-other' })]);
      const place = aHistoryEntry('o-h', 1);
      const pay = aHistoryEntry('o-h', 2, {
        event: 'capture',
        from: 'placed',
        to: 'paid',
        at: '2025-03-01T12:05:00.000Z',
        reason: HOSTILE,
        details: { amount: '12.50', nested: { list: [1, 'two', null, true], empty: {} }, text: HOSTILE },
      });
      const note = aHistoryEntry('o-h', 3, { event: 'note', from: 'paid', to: 'paid', details: {} });
      const other = aHistoryEntry('o-other', 1);
      await context.storage.transaction((tx) => tx.orders.appendHistory([place, other]));
      // Out of order within a batch: the listing sorts by sequence.
      await context.storage.transaction((tx) => tx.orders.appendHistory([note, pay]));
      await context.storage.transaction((tx) => tx.orders.appendHistory([]));
      const read = await context.storage.transaction(async (tx) => ({
        order: await tx.orders.listHistory('o-h'),
        other: await tx.orders.listHistory('o-other'),
        none: await tx.orders.listHistory('o-none'),
      }));
      expect(read).toEqual({ order: [place, pay, note], other: [other], none: [] });
    },
  },
  {
    id: 'orders.history-duplicate-sequence-conflicts',
    title: 'appending a sequence the order already has is a ConflictError and writes none of the batch',
    run: async (context) => {
      await insertOrders(context, [anOrderRecord({ id: 'o-d' })]);
      const first = aHistoryEntry('o-d', 1);
      await context.storage.transaction((tx) => tx.orders.appendHistory([first]));
      for (const batch of [
        [aHistoryEntry('o-d', 2), aHistoryEntry('o-d', 1, { event: 'again' })],
        [aHistoryEntry('o-d', 2), aHistoryEntry('o-d', 2, { event: 'twice' })],
      ]) {
        // Caught inside the transaction, which then commits: the refused batch must have left nothing.
        const error = await context.storage.transaction(async (tx) => {
          const refused = await rejection(tx.orders.appendHistory(batch));
          expect(await tx.orders.listHistory('o-d')).toEqual([first]);
          return refused;
        });
        expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
      }
      expect(await context.storage.transaction((tx) => tx.orders.listHistory('o-d'))).toEqual([first]);
    },
  },
];
