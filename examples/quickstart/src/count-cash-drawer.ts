import { defineCommand, Money, moneySchema } from '@retailkit/core';
import { z } from 'zod';

/**
 * An example command written with the core toolkit: a cashier counts the till at the end of a
 * shift. It declares its permission and store, validates its input with zod, and records the
 * count as an event in the same transaction.
 */
export const countCashDrawer = defineCommand({
  name: 'cash-drawer.count',
  permission: 'cash-drawer.count',
  input: z.object({
    storeId: z.string().min(1),
    drawerId: z.string().min(1),
    expected: moneySchema,
    counted: moneySchema,
  }),
  storeId: (input) => input.storeId,
  handler: async (ctx, input) => {
    const variance = input.counted.subtract(input.expected);
    const event = ctx.emit({
      type: 'cash-drawer.counted',
      stream: `drawer:${input.storeId}:${input.drawerId}`,
      storeId: input.storeId,
      payload: {
        drawerId: input.drawerId,
        expected: input.expected.toJSON(),
        counted: input.counted.toJSON(),
        variance: variance.toJSON(),
      },
    });
    return { countId: event.id, variance: variance.toJSON() };
  },
});

/** Formats a JSON money value for display. */
export function show(money: { amount: string; currency: string }): string {
  return Money.fromJSON(money).format('en-IE');
}
