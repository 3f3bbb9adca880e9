import type { RoundingMode } from '@retailkit/core';

/**
 * `numerator / denominator` (denominator > 0) rounded to an integer with a named mode, with the
 * meanings Money uses: `half-up`/`half-down` break ties away from/towards zero, `up`/`down` round
 * away from/towards zero, `ceil`/`floor` towards +∞/−∞, `half-even` to the even neighbour.
 * Money.multiply needs a terminating factor; tax inside a price (rate / (100 + rate)) is not one.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const truncated = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return truncated;
  const negative = numerator < 0n;
  const away = negative ? truncated - 1n : truncated + 1n;
  const twice = 2n * (negative ? -remainder : remainder);
  switch (mode) {
    case 'down':
      return truncated;
    case 'up':
      return away;
    case 'ceil':
      return negative ? truncated : away;
    case 'floor':
      return negative ? away : truncated;
    case 'half-up':
      return twice >= denominator ? away : truncated;
    case 'half-down':
      return twice > denominator ? away : truncated;
    case 'half-even':
      if (twice !== denominator) return twice > denominator ? away : truncated;
      return truncated % 2n === 0n ? truncated : away;
  }
}
