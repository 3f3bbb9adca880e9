import { z } from 'zod';
import { D } from '../money/decimal.js';
import { decimalStringSchema } from '../validation/common-schemas.js';
import { quantityIssue } from './quantity-issue.js';
import { resolveUnit, type UnitOfMeasureInput, unitOfMeasureSchema } from './unit-of-measure.js';

/** A quantity as plain JSON, e.g. `{ value: "1.250", unit: "kg" }`. */
export type QuantityJson = {
  /** The value as a decimal string with exactly the unit's decimals. */
  readonly value: string;
  /** The unit: a built-in code, or `{ code, scale }` for a custom unit. */
  readonly unit: UnitOfMeasureInput;
};

/** A quantity as callers may send it: whole numbers may be JSON numbers, and the unit defaults to `'each'`. */
export interface QuantityInput {
  /** A decimal string such as `"1.250"`, or a safe integer. */
  readonly value: string | number;
  /** The unit; `'each'` when left out. */
  readonly unit?: UnitOfMeasureInput | undefined;
}

/**
 * Validates a quantity in JSON form. `value` is a decimal string (or a safe integer); `unit`
 * defaults to `'each'`. Values finer than the unit's scale are refused.
 */
export const quantityJsonSchema: z.ZodType<QuantityJson, QuantityInput> = z
  .object({
    value: z
      .union([decimalStringSchema, z.int()], {
        error: 'must be a decimal number written as a string, e.g. "1.250", or a safe integer',
      })
      .transform(String),
    unit: unitOfMeasureSchema.default('each'),
  })
  .superRefine((input, ctx) => {
    const message = quantityIssue(new D(input.value), resolveUnit(input.unit));
    if (message !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message });
  });
