import { createCommandRunner, defineCommand, moneySchema } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { z } from 'zod';

const recordTip = defineCommand({
  name: 'tips.record',
  permission: 'orders.pay',
  input: z.object({ storeId: z.string(), amount: moneySchema }),
  storeId: (input) => input.storeId,
  handler: async (ctx, input) => {
    const payload = { amount: input.amount.toJSON() };
    ctx.emit({ type: 'tips.recorded', stream: `store:${input.storeId}`, storeId: input.storeId, payload });
    return payload;
  },
});

const runner = createCommandRunner({ storage: createMemoryStorage() });
export const tip = await runner.execute(
  recordTip,
  { storeId: 's1', amount: { amount: '2.50', currency: 'EUR' } },
  { actor: { id: 'ana', roles: ['cashier'], storeIds: ['s1'] }, idempotencyKey: 'tip-7731' },
);
