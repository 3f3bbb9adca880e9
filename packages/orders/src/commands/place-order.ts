import { z } from 'zod';
import { applyOrderEvent } from '../shared/apply-order-event.js';
import { defineOrderCommand, type OrderCommand } from '../shared/define-order-command.js';
import { subtractQuantities } from '../shared/order-quantity.js';
import { orderIdSchema, reasonSchema, storeIdSchema } from '../shared/order-schemas.js';
import type { OrderCommandContext, OrderStorageRepositories } from '../shared/orders-context.js';
import type { OrderRecord } from '../storage/order-records.js';
import type { ResolvedOrderCommandsOptions } from './order-commands-options.js';
import { pickupCode } from './pickup-code.js';

/** Input of the place-order command. */
export const placeOrderInput = z.strictObject({
  /** The order's store. */
  storeId: storeIdSchema,
  /** The order. */
  orderId: orderIdSchema,
  /** Why, for the history. */
  reason: reasonSchema.optional(),
});

/**
 * Places an order: the process's `place` event (its guard decides the state), stock reserved for
 * every line at the order's location, all lines checked together, and a pickup code for pickup
 * orders. Returns the placed order (not yet stored).
 */
export async function placeOrderRecord<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  options: ResolvedOrderCommandsOptions<R>,
  order: OrderRecord,
  reason?: string,
): Promise<OrderRecord> {
  const lines = order.lines.map((line) => ({
    sku: line.sku,
    quantity: subtractQuantities(line.quantity, line.cancelled),
  }));
  const changed: OrderRecord = {
    ...order,
    placedAt: ctx.now.toISOString(),
    pickupCode: order.channel === 'pickup' ? pickupCode() : order.pickupCode,
  };
  // The transition is checked before stock moves, so an illegal `place` reserves nothing.
  options.process.transition(changed, 'place');
  // Placed again (a custom process put it on hold): the stock is still held, reserve nothing more.
  const holding = order.reservationIds.length > 0;
  const reservationIds = options.stock && !holding ? await options.stock.reserve(ctx, changed, lines) : [];
  return applyOrderEvent(
    ctx,
    options.process,
    { ...changed, reservationIds: [...order.reservationIds, ...reservationIds] },
    {
      event: 'place',
      reason,
      details: { reservationIds: [...reservationIds] },
    },
  );
}

/** Makes the place-order command (`orders.create` permission): see {@link placeOrderRecord}. */
export function placeOrderCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof placeOrderInput> {
  return defineOrderCommand(options, {
    name: 'orders.place',
    permission: 'orders.create',
    input: placeOrderInput,
    change: (ctx, order, input) => placeOrderRecord(ctx, options, order, input.reason),
  });
}
