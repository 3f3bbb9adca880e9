import { Money, type RoundingMode } from '@retailkit/core';
import type { DiscountRecord } from '../storage/order-records.js';
import { discountAmount } from './discount-amount.js';

/**
 * Each line's share of the order's discounts. `remaining[i]` is line i after its own discounts.
 * The discounts apply in order to the sum of what remains (a percentage takes its share of what
 * the earlier ones left); each is split over the lines in proportion to what each line still
 * has, with {@link Money.allocate}, so the shares sum exactly to the discount and no line goes
 * below zero. Errors name `discounts.<j>.value`.
 */
export function orderDiscountShares(
  remaining: readonly Money[],
  discounts: readonly DiscountRecord[],
  currency: string,
  mode: RoundingMode,
): Money[] {
  const left = [...remaining];
  const shares = remaining.map(() => Money.zero(currency));
  discounts.forEach((discount, j) => {
    const amount = discountAmount(discount, Money.sum(left, currency), `discounts.${j}.value`, mode);
    // A zero discount over lines with nothing left has no proportions to split by.
    if (amount.isZero()) return;
    amount.allocate(left.map((line) => line.amount)).forEach((part, i) => {
      shares[i] = shares[i]!.add(part);
      left[i] = left[i]!.subtract(part);
    });
  });
  return shares;
}
