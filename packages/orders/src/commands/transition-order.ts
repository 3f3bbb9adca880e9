import { ValidationError } from '@retailkit/core';
import { z } from 'zod';
import { applyOrderEvent } from '../shared/apply-order-event.js';
import { defineOrderCommand, type OrderCommand } from '../shared/define-order-command.js';
import { orderRefShape } from '../shared/order-ref-shape.js';
import { reasonSchema } from '../shared/order-schemas.js';
import type { OrderStorageRepositories } from '../shared/orders-context.js';
import type { ResolvedOrderCommandsOptions } from './order-commands-options.js';

/**
 * The events the kit's own commands apply: they move stock or money, so `transitionOrder` refuses
 * them (use `placeOrder`, `recordPayment`, `fulfilOrder`, …).
 */
export const BUILT_IN_ORDER_EVENTS = [
  'create',
  'place',
  'authorize',
  'capture',
  'void',
  'refund',
  'fulfil',
  'ship',
  'track',
  'pick-up',
  'complete',
  'cancel',
  'return',
] as const;

/** Input of the transition command. */
export const transitionOrderInput = z.strictObject({
  ...orderRefShape,
  /** A custom event of your process (`approve`, `hold`, …). */
  event: z.string().trim().min(1).max(100),
  /** Why, for the history. */
  reason: reasonSchema.optional(),
});

/**
 * Makes the transition command (`orders.transition`): applies a custom event of your process
 * (one you added with `extendOrderProcess`), with its guards, effects and history entry. The
 * built-in events are refused: their commands move stock and money.
 */
export function transitionOrderCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof transitionOrderInput> {
  return defineOrderCommand(options, {
    name: 'orders.transition',
    permission: 'orders.transition',
    input: transitionOrderInput,
    change: (ctx, order, input) => {
      if ((BUILT_IN_ORDER_EVENTS as readonly string[]).includes(input.event)) {
        throw new ValidationError(
          [
            {
              path: 'event',
              message: `${input.event} is applied by its own command, which moves stock or money`,
            },
          ],
          { context: 'orders.transition input' },
        );
      }
      return applyOrderEvent(ctx, options.process, order, {
        event: input.event,
        reason: input.reason,
      });
    },
  });
}
