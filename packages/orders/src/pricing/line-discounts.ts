import type { Money, RoundingMode } from '@retailkit/core';
import type { DiscountRecord } from '../storage/order-records.js';
import { discountAmount } from './discount-amount.js';

/**
 * The total of a line's own discounts, applied to its gross one after another: a percentage
 * takes its share of what the earlier discounts left. Errors name `<path>.<j>.value`.
 */
export function lineDiscountTotal(
  gross: Money,
  discounts: readonly DiscountRecord[],
  path: string,
  mode: RoundingMode,
): Money {
  let remaining = gross;
  discounts.forEach((discount, j) => {
    remaining = remaining.subtract(discountAmount(discount, remaining, `${path}.${j}.value`, mode));
  });
  return gross.subtract(remaining);
}
