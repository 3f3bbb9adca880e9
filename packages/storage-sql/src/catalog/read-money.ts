import { getCurrency, isCurrencyCode, type MoneyJson } from '@retailkit/core';
import { readDecimal } from '../sql/sql-values.js';

/**
 * Money read from a decimal column and a currency column, in the form `Money#toJSON` writes: the
 * amount with exactly the currency's decimals (`"0.500"` KWD, `"1200"` JPY), whatever scale the
 * engine returns (MySQL's `decimal(40, 12)` pads to 12 places, PostgreSQL keeps the scale written).
 * Never rounds: an amount with more decimals than the currency has keeps them.
 */
export function readMoney(amount: unknown, currency: string): MoneyJson {
  const canonical = readDecimal(amount);
  const decimals = isCurrencyCode(currency) ? getCurrency(currency).minorUnits : 0;
  const point = canonical.indexOf('.');
  const has = point < 0 ? 0 : canonical.length - point - 1;
  const padded =
    has >= decimals ? canonical : `${point < 0 ? `${canonical}.` : canonical}${'0'.repeat(decimals - has)}`;
  return { amount: padded, currency: currency as MoneyJson['currency'] };
}
