import { z } from 'zod';
import { applyOrderEvent } from '../shared/apply-order-event.js';
import { defineOrderCommand, type OrderCommand } from '../shared/define-order-command.js';
import { subtractQuantities } from '../shared/order-quantity.js';
import { orderRefShape } from '../shared/order-ref-shape.js';
import { reasonSchema } from '../shared/order-schemas.js';
import type { OrderStorageRepositories } from '../shared/orders-context.js';
import type { OrderRecord } from '../storage/order-records.js';
import type { ResolvedOrderCommandsOptions } from './order-commands-options.js';

/** Input of the cancel command. */
export const cancelOrderInput = z.strictObject({
  ...orderRefShape,
  /** Why: kept in the history. */
  reason: reasonSchema,
});

/**
 * Makes the cancel command (`orders.cancel`): every line's unfulfilled quantity is cancelled and
 * the order's reservations are released, in one transaction, from the states where the process
 * allows `cancel`. Money captured stays recorded: refund it with `refundPayment`.
 */
export function cancelOrderCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof cancelOrderInput> {
  return defineOrderCommand(options, {
    name: 'orders.cancel',
    permission: 'orders.cancel',
    input: cancelOrderInput,
    change: async (ctx, order, input) => {
      const changed: OrderRecord = {
        ...order,
        lines: order.lines.map((line) => ({
          ...line,
          cancelled: subtractQuantities(line.quantity, line.fulfilled),
        })),
      };
      options.process.transition(changed, 'cancel');
      if (options.stock && order.reservationIds.length > 0) await options.stock.release(ctx, changed);
      const next = await applyOrderEvent(ctx, options.process, changed, {
        event: 'cancel',
        reason: input.reason,
        details: {
          lines: changed.lines.map((line) => ({ lineId: line.id, sku: line.sku, cancelled: line.cancelled })),
        },
      });
      return next;
    },
  });
}
