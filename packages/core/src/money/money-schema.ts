import type { z } from 'zod';
import { Money } from './money.js';
import { type MoneyJsonInput, moneyJsonSchema } from './money-json.js';

/** Validates money input in JSON form (`{ amount: "12.34", currency: "USD" }`) into a {@link Money}. */
export const moneySchema: z.ZodType<Money, MoneyJsonInput> = moneyJsonSchema.transform((input) =>
  Money.of(input.amount, input.currency),
);
