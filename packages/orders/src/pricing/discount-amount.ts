import { type Money, type RoundingMode, ValidationError } from '@retailkit/core';
import type { DiscountRecord } from '../storage/order-records.js';
import { readExactDecimal } from './exact-decimal.js';
import { moneyAtPath } from './money-at-path.js';
import { applyFraction, percentOf } from './rate-fraction.js';

/**
 * What one discount takes off `remaining` (what is left after the discounts before it): a
 * percentage of it rounded to the minor unit, or a fixed amount. A discount worth more than what
 * remains is refused with a `ValidationError` on `path` (`….value`) rather than clamped,
 * because silently giving less than the cashier entered hides a mistake.
 */
export function discountAmount(
  discount: DiscountRecord,
  remaining: Money,
  path: string,
  mode: RoundingMode,
): Money {
  const value = readExactDecimal(discount.value, path);
  const amount =
    discount.kind === 'percentage'
      ? applyFraction(remaining, percentOf(value), mode)
      : moneyAtPath(discount.value, remaining.currency, path, 'discount');
  if (amount.greaterThan(remaining)) {
    const what = discount.kind === 'percentage' ? `${discount.value} %` : amount.toString();
    throw new ValidationError(
      [{ path, message: `discount of ${what} exceeds the ${remaining.toString()} it applies to` }],
      { context: 'discount' },
    );
  }
  return amount;
}
