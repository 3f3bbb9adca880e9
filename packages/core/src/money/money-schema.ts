import type { z } from 'zod';
import { Money } from './money.js';
import { type MoneyJson, moneyJsonSchema } from './money-json.js';

/** Validates money input in JSON form (`{ amount: "12.34", currency: "USD" }`) into a {@link Money}. */
export const moneySchema: z.ZodType<Money, MoneyJson> = moneyJsonSchema.transform((input) =>
  Money.of(input.amount, input.currency),
);
