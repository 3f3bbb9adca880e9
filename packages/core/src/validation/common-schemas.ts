import { z } from 'zod';

/** A non-empty identifier (ids, SKUs, store ids): trimmed, at most 200 characters. */
export const idSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/** An idempotency key supplied by the caller: 1..200 printable characters. */
export const idempotencyKeySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

/** A decimal number written as a string, e.g. `"12.34"` or `"-0.5"`. */
export const decimalStringSchema = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number'
        ? 'must be a decimal string such as "12.34", not a JS number (binary floats cannot hold cents exactly)'
        : 'must be a decimal number written as a string, e.g. "12.34"',
  })
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number written as a string, e.g. "12.34"');
