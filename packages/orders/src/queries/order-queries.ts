import { type Actor, type CommandRunner, NotFoundError, parseInput } from '@retailkit/core';
import { z } from 'zod';
import type { OrderProcess } from '../process/order-process.js';
import { instantSchema, orderIdSchema, pageRequestShape, storeIdSchema } from '../shared/order-schemas.js';
import type { OrderStorageRepositories } from '../shared/orders-context.js';
import type { OrderHistoryRecord } from '../storage/order-records.js';
import type { OrderPage } from '../storage/orders-repository.js';
import { type OrderView, toOrderView } from './order-view.js';

/** Who reads: needs `orders.read` in the store read (or chain-wide). */
export interface OrderQueryOptions {
  /** The actor. */
  readonly actor: Actor;
}

/** Input of `getOrder` and `getOrderHistory`. */
export const getOrderInput = z.strictObject({
  /** The order's store: the read is authorised there; an order of another store reads as not found. */
  storeId: storeIdSchema,
  /** The order. */
  orderId: orderIdSchema,
});

/** Input of `listOrders`. */
export const listOrdersInput = z
  .strictObject({
    /** The store whose orders to list; omit for chain-wide (needs chain-wide `orders.read`). */
    storeId: storeIdSchema.optional(),
    /** Only this customer's. */
    customerId: z.string().min(1).max(200).optional(),
    /** Only in these states. */
    statuses: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
    /** Only these channels. */
    channels: z
      .array(z.literal(['in-store', 'pickup', 'delivery']))
      .min(1)
      .optional(),
    /** Created at or after this instant. */
    from: instantSchema.optional(),
    /** Created before this instant (half-open). */
    to: instantSchema.optional(),
    ...pageRequestShape,
  })
  .refine((input) => input.from === undefined || input.to === undefined || input.from < input.to, {
    path: ['to'],
    message: 'must be after from',
  });

/** The order queries, for one order process (it decides `allowedEvents`). */
export function orderQueries(process: OrderProcess) {
  return {
    /** One order with its derived statuses (`orders.read`), or NotFoundError. */
    async getOrder(
      runner: CommandRunner<OrderStorageRepositories>,
      input: z.input<typeof getOrderInput>,
      options: OrderQueryOptions,
    ): Promise<OrderView> {
      const { storeId, orderId } = parseInput(getOrderInput, input, 'getOrder input');
      return runner.query({ actor: options.actor, permission: 'orders.read', storeId }, async (tx) => {
        const order = await tx.orders.getOrder(orderId);
        if (!order || order.storeId !== storeId) throw new NotFoundError('order', orderId);
        return toOrderView(order, process);
      });
    },
    /** An order's history, oldest first (`orders.read`): every event with actor, time, reason, from and to. */
    async getOrderHistory(
      runner: CommandRunner<OrderStorageRepositories>,
      input: z.input<typeof getOrderInput>,
      options: OrderQueryOptions,
    ): Promise<readonly OrderHistoryRecord[]> {
      const { storeId, orderId } = parseInput(getOrderInput, input, 'getOrderHistory input');
      return runner.query({ actor: options.actor, permission: 'orders.read', storeId }, async (tx) => {
        const order = await tx.orders.getOrder(orderId);
        if (!order || order.storeId !== storeId) throw new NotFoundError('order', orderId);
        return tx.orders.listHistory(orderId);
      });
    },
    /** Orders by store, customer, state, channel and period, newest first, a page at a time (`orders.read`). */
    async listOrders(
      runner: CommandRunner<OrderStorageRepositories>,
      input: z.input<typeof listOrdersInput>,
      options: OrderQueryOptions,
    ): Promise<OrderPage<OrderView>> {
      const parsed = parseInput(listOrdersInput, input, 'listOrders input');
      const read =
        parsed.storeId === undefined
          ? { actor: options.actor, permission: 'orders.read' as const }
          : { actor: options.actor, permission: 'orders.read' as const, storeId: parsed.storeId };
      return runner.query(read, async (tx) => {
        const page = await tx.orders.listOrders(
          {
            storeId: parsed.storeId,
            customerId: parsed.customerId,
            statuses: parsed.statuses,
            channels: parsed.channels,
            from: parsed.from?.toISOString(),
            to: parsed.to?.toISOString(),
          },
          { limit: parsed.limit, after: parsed.after },
        );
        return { items: page.items.map((order) => toOrderView(order, process)), nextCursor: page.nextCursor };
      });
    },
  } as const;
}
