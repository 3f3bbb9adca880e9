import { type CommandDefinition, defineCommand, type Permission } from '@retailkit/core';
import type { z } from 'zod';
import type { ResolvedOrderCommandsOptions } from '../commands/order-commands-options.js';
import { type OrderView, toOrderView } from '../queries/order-view.js';
import type { OrderRecord } from '../storage/order-records.js';
import { saveOrder } from './apply-order-event.js';
import { loadOrderForUpdate } from './load-order.js';
import type { OrderCommandContext, OrderStorageRepositories } from './orders-context.js';

/** An order command's definition type: input in, the changed order's view out. */
export type OrderCommand<R extends OrderStorageRepositories, S extends z.ZodType> = CommandDefinition<
  R,
  S,
  OrderView
>;

/** What a command on one existing order declares. */
interface OrderCommandSpec<R extends OrderStorageRepositories, S extends z.ZodType> {
  /** The command's name, `orders.<verb>`. */
  readonly name: string;
  /** The permission it needs in the order's store. */
  readonly permission: Permission;
  /** Its input; it names the order by `storeId` and `orderId`. */
  readonly input: S;
  /** The stores the actor must be allowed in; the order's store by default. */
  readonly storeId?: (input: z.output<S>) => string | readonly string[];
  /**
   * The change: given the order read under its lock, the order to store, or the order as read to
   * store nothing (a replayed payment).
   */
  readonly change: (
    ctx: OrderCommandContext<R>,
    order: OrderRecord,
    input: z.output<S>,
  ) => Promise<OrderRecord>;
}

/**
 * Declares a command on one existing order: the order is read locked (NotFoundError when it is not
 * the store's), changed, and stored one version up with its history, unless the change returned
 * it untouched. Returns the order's view.
 */
export function defineOrderCommand<
  R extends OrderStorageRepositories,
  S extends z.ZodType<{ storeId: string; orderId: string }>,
>(options: ResolvedOrderCommandsOptions<R>, spec: OrderCommandSpec<R, S>): OrderCommand<R, S> {
  return defineCommand({
    name: spec.name,
    permission: spec.permission,
    input: spec.input,
    storeId: spec.storeId ?? ((input: z.output<S>) => input.storeId),
    handler: async (ctx: OrderCommandContext<R>, input: z.output<S>): Promise<OrderView> => {
      const order = await loadOrderForUpdate(ctx.tx.orders, input.orderId, input.storeId);
      const next = await spec.change(ctx, order, input);
      if (next === order) return toOrderView(order, options.process);
      return toOrderView(await saveOrder(ctx, order, next), options.process);
    },
  });
}
