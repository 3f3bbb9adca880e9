import { defineCommand, NotFoundError } from '@retailkit/core';
import { expect } from 'vitest';
import { z } from 'zod';
import { anActor } from '../../builders/actors.js';
import {
  anOrderRecord,
  insertOrders,
  type OrdersCase,
  type OrdersStorageRepositories,
  storedOrder,
} from './orders-case-helpers.js';

const PARALLEL = 10;

const bumpInput = z.object({ orderId: z.string().min(1), mark: z.string().min(1) });

/** Reads an order under lock, decides, and writes it back at the next version: the shape of every order command. */
const bumpOrder = defineCommand<typeof bumpInput, { readonly version: number }, OrdersStorageRepositories>({
  name: 'conformance.bump-order',
  permission: 'conformance.write',
  input: bumpInput,
  handler: async (ctx, input) => {
    const { tx } = ctx;
    const order = await tx.orders.getOrderForUpdate(input.orderId);
    if (!order) throw new NotFoundError('Order', input.orderId);
    await tx.orders.updateOrder(
      { ...order, reservationIds: [...order.reservationIds, input.mark], version: order.version + 1 },
      order.version,
    );
    return { version: order.version + 1 };
  },
});

/** Parallel read-decide-write commands on one order. */
export const ordersConcurrencyCases: readonly OrdersCase[] = [
  {
    id: 'orders.concurrent-updates-lose-nothing',
    title: `${PARALLEL} parallel commands each locking and updating one order all apply: version ${PARALLEL + 1}, no change lost`,
    run: async (context) => {
      await insertOrders(context, [anOrderRecord({ id: 'o-c', reservationIds: [] })]);
      const actor = anActor({ id: 'conformance' });
      const marks = Array.from({ length: PARALLEL }, (_, i) => `m${i}`);
      const results = await Promise.all(
        marks.map((mark) => context.runner.execute(bumpOrder, { orderId: 'o-c', mark }, { actor })),
      );
      expect(results.map((result) => result.version).sort((a, b) => a - b)).toEqual(
        marks.map((_, i) => i + 2),
      );
      const stored = await storedOrder(context, 'o-c');
      expect(stored?.version).toBe(PARALLEL + 1);
      expect([...(stored?.reservationIds ?? [])].sort()).toEqual(marks);
    },
  },
];
