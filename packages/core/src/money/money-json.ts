import { z } from 'zod';
import { decimalStringSchema } from '../validation/common-schemas.js';
import { amountIssue } from './amount-issue.js';
import type { CurrencyCode } from './currencies.js';
import { currencySchema, getCurrency } from './currency.js';
import { D } from './decimal.js';

/** Money as plain JSON: the amount in major units as a decimal string, and the currency. */
export type MoneyJson = {
  /** The amount in major units with exactly the currency's decimals, e.g. `"12.34"`, `"-0.50"`, `"100"` (JPY). */
  readonly amount: string;
  /** The ISO 4217 code, e.g. `"USD"`. */
  readonly currency: CurrencyCode;
};

/** Money as callers send it: any currency string is accepted by the type and checked at run time. */
export type MoneyJsonInput = {
  /** The amount in major units as a decimal string. */
  readonly amount: string;
  /** An ISO 4217 code. */
  readonly currency: string;
};

/**
 * Validates money in JSON form (`{ amount: "12.34", currency: "USD" }`). An amount with more
 * decimals than the currency allows is refused: rounding is never implied.
 */
export const moneyJsonSchema: z.ZodType<MoneyJson, MoneyJsonInput> = z
  .object({ amount: decimalStringSchema, currency: currencySchema })
  .superRefine((value, ctx) => {
    const message = amountIssue(new D(value.amount), getCurrency(value.currency));
    if (message !== undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message });
  });
