import { decimalStringSchema, idSchema, MAX_QUANTITY_DIGITS, MAX_UNIT_SCALE } from '@retailkit/core';
import { z } from 'zod';

/**
 * Most digits before the point a quantity or unit cost may have, and most decimals (beyond
 * trailing zeros) it may carry: every such value fits a `NUMERIC(29, 9)` column. Line quantities are
 * further held to core's Quantity range (20 digits at the item's scale) when the command runs.
 */
export const DECIMAL_LIMITS = { wholeDigits: MAX_QUANTITY_DIGITS, decimals: MAX_UNIT_SCALE } as const;

/** Whether a decimal string is within {@link DECIMAL_LIMITS}. */
function withinDecimalLimits(value: string): boolean {
  const [whole = '', fraction = ''] = value.replace(/^-/, '').split('.');
  return (
    whole.replace(/^0+/, '').length <= DECIMAL_LIMITS.wholeDigits &&
    fraction.replace(/0+$/, '').length <= DECIMAL_LIMITS.decimals
  );
}

const DECIMAL_LIMITS_MESSAGE =
  `is beyond the supported range (at most ${DECIMAL_LIMITS.wholeDigits} digits before the point ` +
  `and ${DECIMAL_LIMITS.decimals} after)`;

/** A SKU code. */
export const skuSchema = idSchema;

/** A location (store or warehouse) id. */
export const locationIdSchema = idSchema;

const quantityText = z
  .union([decimalStringSchema, z.int()], {
    error: 'must be a decimal number written as a string, e.g. "1.250", or a whole number',
  })
  .transform(String)
  .refine(withinDecimalLimits, { message: DECIMAL_LIMITS_MESSAGE });

/**
 * A quantity greater than zero: a decimal string (`"1.250"`) or a whole JS number. Whether its
 * decimals suit the item's unit (none for `each`) is checked against the item when the command runs.
 */
export const quantityValueSchema = quantityText.refine(
  (value) => !value.startsWith('-') && /[1-9]/.test(value),
  {
    message: 'must be greater than zero',
  },
);

/** A quantity of zero or more. */
export const nonNegativeQuantityValueSchema = quantityText.refine(
  (value) => !value.startsWith('-') || !/[1-9]/.test(value),
  {
    message: 'must not be negative',
  },
);

/** A signed, non-zero quantity (an adjustment). */
export const nonZeroQuantityValueSchema = quantityText.refine((value) => /[1-9]/.test(value), {
  message: 'must not be zero',
});

/** A unit cost: a non-negative decimal string in the location's currency. */
export const unitCostSchema = decimalStringSchema
  .refine((value) => !value.startsWith('-'), {
    message: 'must not be negative',
  })
  .refine(withinDecimalLimits, { message: DECIMAL_LIMITS_MESSAGE });

/** Paging of list queries: `limit` (default 100, at most 1000) and the previous page's `nextCursor`. */
export const pageRequestSchema = z.object({
  /** Most rows to return: 1 to 1000, default 100. */
  limit: z.int().min(1).max(1000).default(100),
  /** The `nextCursor` of the previous page; omit for the first page. */
  after: z.string().min(1).optional(),
});

/** An instant as an ISO-8601 string with zone, or a Date; normalised to a Date. */
export const instantSchema = z.union([
  z.date(),
  z.iso.datetime({ offset: true }).transform((text) => new Date(text)),
]);
