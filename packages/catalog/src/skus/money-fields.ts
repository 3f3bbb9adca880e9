import { Money, type MoneyJsonInput, moneyJsonSchema } from '@retailkit/core';
import { z } from 'zod';

/** Most list prices (currencies) one SKU may have. */
export const MAX_LIST_PRICES = 50;

/** Validates money that must not be negative (a cost, a price); zero is allowed. */
export const nonNegativeMoneySchema = moneyJsonSchema.superRefine((money, ctx) => {
  // On the string, not through Money: this may run on input that failed the checks above.
  if (typeof money.amount === 'string' && money.amount.startsWith('-') && /[1-9]/.test(money.amount)) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: 'must not be negative' });
  }
});

/** Validates list prices: at most one per currency, none negative. */
export const listPricesSchema = z
  .array(nonNegativeMoneySchema)
  .max(MAX_LIST_PRICES, `must hold at most ${MAX_LIST_PRICES} prices`)
  .superRefine((prices, ctx) => {
    const seen = new Set<string>();
    for (const [index, price] of prices.entries()) {
      if (seen.has(price.currency)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'currency'],
          message: `a second ${price.currency} price`,
        });
      }
      seen.add(price.currency);
    }
  });

/** List prices as stored: normalised amounts (`"5.5"` → `"5.50"`), ordered by currency. */
export function storedListPrices(prices: readonly MoneyJsonInput[]) {
  return prices
    .map((price) => Money.of(price.amount, price.currency).toJSON())
    .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
