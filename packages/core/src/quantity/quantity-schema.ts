import type { z } from 'zod';
import { Quantity } from './quantity.js';
import { type QuantityInput, quantityJsonSchema } from './quantity-json.js';

/** Validates a quantity input (`{ value: "1.250", unit: "kg" }` or `{ value: 3 }`) into a {@link Quantity}; negatives allowed. */
export const quantitySchema: z.ZodType<Quantity, QuantityInput> = quantityJsonSchema.transform((input) =>
  Quantity.of(input.value, input.unit),
);

/** Like {@link quantitySchema}, but the quantity must be greater than zero (order lines, receipts). */
export const positiveQuantitySchema: z.ZodType<Quantity, QuantityInput> = quantitySchema.refine(
  (quantity) => quantity.isPositive(),
  {
    path: ['value'],
    message: 'must be greater than zero',
  },
);
