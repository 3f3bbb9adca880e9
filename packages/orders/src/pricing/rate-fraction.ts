import { Money, type RoundingMode } from '@retailkit/core';
import { divideRounded } from './divide-rounded.js';
import type { ExactDecimal } from './exact-decimal.js';

/** An exact fraction an amount is multiplied by, e.g. 19/100 or 19/119. */
export interface RateFraction {
  /** Numerator, ≥ 0. */
  readonly numerator: bigint;
  /** Denominator, > 0. */
  readonly denominator: bigint;
}

/** `percent` % as a fraction of the amount it applies to: 19 → 19/100. */
export function percentOf(percent: ExactDecimal): RateFraction {
  return { numerator: percent.units, denominator: 100n * 10n ** BigInt(percent.scale) };
}

/** The part of a tax-inclusive amount that is tax at `percent` %: 19 → 19/119. */
export function includedTaxOf(percent: ExactDecimal): RateFraction {
  const hundred = 100n * 10n ** BigInt(percent.scale);
  return { numerator: percent.units, denominator: hundred + percent.units };
}

/** `amount × fraction`, computed exactly and rounded once to the currency's minor unit. */
export function applyFraction(amount: Money, fraction: RateFraction, mode: RoundingMode): Money {
  const minor = divideRounded(amount.toMinor() * fraction.numerator, fraction.denominator, mode);
  return Money.ofMinor(minor, amount.currency);
}
