import type { Currency } from './currency.js';
import { D, type DecimalValue } from './decimal.js';

/**
 * Largest number of digits an amount may have in minor units. Bounding it keeps every sum and
 * every product with a factor of up to {@link MAX_FACTOR_DIGITS} significant digits inside the
 * 50-digit precision of the decimal clone, so no step ever rounds silently.
 */
export const MAX_MINOR_DIGITS = 30;

/** Most significant digits a multiplication factor (a quantity, a rate) may carry. */
export const MAX_FACTOR_DIGITS = 20;

/** Why `amount` cannot be money in `currency`, or undefined when it can. */
export function amountIssue(amount: DecimalValue, currency: Currency): string | undefined {
  if (amount.decimalPlaces() > currency.minorUnits) {
    return `has more decimals than ${currency.code} allows (${currency.minorUnits}); round it explicitly, e.g. with Money.ofRounded`;
  }
  if (amount.abs().gte(new D(10).pow(MAX_MINOR_DIGITS - currency.minorUnits))) {
    return `is beyond the supported range (${MAX_MINOR_DIGITS} digits in minor units)`;
  }
  return undefined;
}
