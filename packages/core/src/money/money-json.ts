import { z } from 'zod';
import { decimalStringSchema } from '../validation/common-schemas.js';
import { amountIssue } from './amount-issue.js';
import type { CurrencyCode } from './currencies.js';
import { currencySchema, getCurrency } from './currency.js';
import { D } from './decimal.js';

/** Money as plain JSON: the amount in major units as a decimal string, and the currency. */
export interface MoneyJson {
  /** The amount in major units with exactly the currency's decimals, e.g. `"12.34"`, `"-0.50"`, `"100"` (JPY). */
  readonly amount: string;
  /** The ISO 4217 code, e.g. `"USD"`. */
  readonly currency: CurrencyCode;
}

/**
 * Validates money in JSON form (`{ amount: "12.34", currency: "USD" }`). An amount with more
 * decimals than the currency allows is refused: rounding is never implied.
 */
export const moneyJsonSchema: z.ZodType<MoneyJson, MoneyJson> = z
  .object({ amount: decimalStringSchema, currency: currencySchema })
  .superRefine((value, ctx) => {
    const message = amountIssue(new D(value.amount), getCurrency(value.currency));
    if (message !== undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message });
  });
