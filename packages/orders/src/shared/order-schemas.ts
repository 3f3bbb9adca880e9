import {
  decimalStringSchema,
  idempotencyKeySchema,
  idSchema,
  MAX_QUANTITY_DIGITS,
  MAX_UNIT_SCALE,
} from '@retailkit/core';
import { z } from 'zod';

/** An order id. */
export const orderIdSchema = idSchema;

/** A store or location id. */
export const storeIdSchema = idSchema;

/** A SKU code. */
export const skuSchema = idSchema;

/** A line id within an order. */
export const lineIdSchema = idSchema;

/** Why something was done: 1..500 characters. */
export const reasonSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters');

/** A caller's key for a payment or refund: printable ASCII, so a retried request finds the first one. */
export const paymentKeySchema = idempotencyKeySchema;

function withinLimits(value: string): boolean {
  const [whole = '', fraction = ''] = value.replace(/^-/, '').split('.');
  return (
    whole.replace(/^0+/, '').length <= MAX_QUANTITY_DIGITS &&
    fraction.replace(/0+$/, '').length <= MAX_UNIT_SCALE
  );
}

/** A quantity greater than zero: a decimal string (`"0.375"`) or a whole JS number. */
export const positiveQuantitySchema = z
  .union([decimalStringSchema, z.int()], {
    error: 'must be a decimal number written as a string, e.g. "1.250", or a whole number',
  })
  .transform(String)
  .refine(withinLimits, {
    message: `is beyond the supported range (at most ${MAX_QUANTITY_DIGITS} digits before the point and ${MAX_UNIT_SCALE} after)`,
  })
  .refine((value) => !value.startsWith('-') && /[1-9]/.test(value), { message: 'must be greater than zero' });

/** An amount greater than zero in the order's currency, as a decimal string (`"12.50"`). */
export const positiveAmountSchema = decimalStringSchema
  .refine((value) => !value.startsWith('-') && /[1-9]/.test(value), { message: 'must be greater than zero' })
  .refine((value) => value.replace(/^-?0*/, '').split('.')[0]!.length <= 15, {
    message: 'must have at most 15 digits before the point',
  });

/** An amount of zero or more, as a decimal string. */
export const nonNegativeAmountSchema = decimalStringSchema
  .refine((value) => !value.startsWith('-') || !/[1-9]/.test(value), { message: 'must not be negative' })
  .refine((value) => value.replace(/^-?0*/, '').split('.')[0]!.length <= 15, {
    message: 'must have at most 15 digits before the point',
  });

/** A discount as given: a percentage (0 < value ≤ 100) or a fixed amount. */
export const discountInputSchema = z
  .strictObject({
    /** `percentage` (`"10"` = 10 %) or `fixed` (an amount in the order's currency). */
    kind: z.literal(['percentage', 'fixed']),
    /** The percentage or the amount, a decimal string. */
    value: positiveAmountSchema,
    /** Why (a promotion code, "damaged box"). */
    reason: reasonSchema.optional(),
  })
  .refine((discount) => discount.kind !== 'percentage' || Number(discount.value) <= 100, {
    path: ['value'],
    message: 'a percentage must be at most 100',
  });

/** An instant as an ISO-8601 string with zone, or a Date; normalised to a Date. */
export const instantSchema = z.union([
  z.date(),
  z.iso.datetime({ offset: true }).transform((text) => new Date(text)),
]);

/** Paging of list queries: `limit` (default 100, at most 1000) and the previous page's `nextCursor`. */
export const pageRequestShape = {
  /** Most rows to return: 1 to 1000, default 100. */
  limit: z.int().min(1).max(1000).default(100),
  /** The `nextCursor` of the previous page; omit for the first page. */
  after: z.string().min(1).optional(),
};
