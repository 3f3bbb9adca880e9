import { ValidationError } from '@retailkit/core';
import { z } from 'zod';
import type { ResolvedOrderCommandsOptions } from '../commands/order-commands-options.js';
import { applyOrderEvent } from '../shared/apply-order-event.js';
import { defineOrderCommand, type OrderCommand } from '../shared/define-order-command.js';
import { orderRefShape } from '../shared/order-ref-shape.js';
import { reasonSchema } from '../shared/order-schemas.js';
import type { OrderStorageRepositories } from '../shared/orders-context.js';

/** Input of the confirm-pickup command. */
export const confirmPickupInput = z.strictObject({
  ...orderRefShape,
  /** The code the customer shows. */
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the six-digit pickup code'),
});

/** Input of the complete command. */
export const completeOrderInput = z.strictObject({
  ...orderRefShape,
  /** Why, for the history. */
  reason: reasonSchema.optional(),
});

/**
 * Makes the confirm-pickup command (`orders.hand-over`): the customer shows the order's pickup
 * code and takes the goods. A wrong code is a ValidationError on `code` and changes nothing.
 * Applies the process's `pick-up` event.
 */
export function confirmPickupCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof confirmPickupInput> {
  return defineOrderCommand(options, {
    name: 'orders.confirm-pickup',
    permission: 'orders.hand-over',
    input: confirmPickupInput,
    change: async (ctx, order, input) => {
      if (order.pickupCode === null || order.pickupCode !== input.code) {
        throw new ValidationError([{ path: 'code', message: 'does not match the order’s pickup code' }], {
          context: 'orders.confirm-pickup input',
        });
      }
      const next = await applyOrderEvent(ctx, options.process, order, { event: 'pick-up' });
      return next;
    },
  });
}

/** Makes the complete command (`orders.hand-over`): closes an order handed over, picked up or delivered (`complete` event). */
export function completeOrderCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof completeOrderInput> {
  return defineOrderCommand(options, {
    name: 'orders.complete',
    permission: 'orders.hand-over',
    input: completeOrderInput,
    change: async (ctx, order, input) => {
      const next = await applyOrderEvent(ctx, options.process, order, {
        event: 'complete',
        reason: input.reason,
      });
      return next;
    },
  });
}
