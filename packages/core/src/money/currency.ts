import { z } from 'zod';
import { ValidationError } from '../errors/error-classes.js';
import { type CurrencyCode, ISO_4217_MINOR_UNITS } from './currencies.js';

/** A currency and how many decimal places its amounts carry. */
export interface Currency {
  /** The ISO 4217 alphabetic code, e.g. `'USD'`. */
  readonly code: CurrencyCode;
  /** Decimal places of the minor unit per ISO 4217: 2 for USD, 0 for JPY, 3 for KWD. */
  readonly minorUnits: number;
}

/** Every supported ISO 4217 code, alphabetically. */
export const CURRENCY_CODES: readonly CurrencyCode[] = Object.freeze(
  (Object.keys(ISO_4217_MINOR_UNITS) as CurrencyCode[]).sort(),
);

const CURRENCIES: ReadonlyMap<string, Currency> = new Map(
  CURRENCY_CODES.map((code) => [code, Object.freeze({ code, minorUnits: ISO_4217_MINOR_UNITS[code] })]),
);

/** Whether `code` is a supported ISO 4217 code (upper case, as ISO writes it). */
export function isCurrencyCode(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && CURRENCIES.has(code);
}

/**
 * The currency for an ISO 4217 code, or a {@link ValidationError} on path `currency`.
 *
 * @example
 * ```ts
 * getCurrency('KWD'); // { code: 'KWD', minorUnits: 3 }
 * ```
 */
export function getCurrency(code: string): Currency {
  const currency = typeof code === 'string' ? CURRENCIES.get(code) : undefined;
  if (currency === undefined) {
    throw new ValidationError([{ path: 'currency', message: unknownCurrencyMessage(code) }], {
      context: 'currency',
    });
  }
  return currency;
}

function unknownCurrencyMessage(code: unknown): string {
  return `must be an active ISO 4217 code in upper case, e.g. "USD"; got ${JSON.stringify(code) ?? String(code)}`;
}

/** Validates an ISO 4217 currency code in user input. */
export const currencySchema = z.custom<CurrencyCode>(isCurrencyCode, {
  error: (issue) => unknownCurrencyMessage(issue.input),
});
