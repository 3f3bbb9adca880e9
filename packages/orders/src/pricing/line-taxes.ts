import { Money, type RoundingMode } from '@retailkit/core';
import type { TaxMode, TaxRounding } from '../storage/order-records.js';
import type { ExactDecimal } from './exact-decimal.js';
import { applyFraction, includedTaxOf, percentOf, type RateFraction } from './rate-fraction.js';

/** One line as tax sees it: the discounted amount (net when exclusive, total when inclusive) and its rate. */
export interface TaxableLine {
  /** Net without tax (`exclusive`) or the total with tax inside (`inclusive`). */
  readonly amount: Money;
  /** The tax rate in percent. */
  readonly rate: ExactDecimal;
}

/**
 * The tax of each line. `per-line` rounds every line's tax on its own; `per-order` rounds once
 * per distinct rate over the sum of that rate's lines, then splits that rounded tax over those
 * lines by amount with {@link Money.allocate}, so the lines add up to the order's tax exactly.
 */
export function lineTaxes(
  lines: readonly TaxableLine[],
  taxMode: TaxMode,
  taxRounding: TaxRounding,
  mode: RoundingMode,
): Money[] {
  const fractionOf = taxMode === 'exclusive' ? percentOf : includedTaxOf;
  if (taxRounding === 'per-line') {
    return lines.map((line) => applyFraction(line.amount, fractionOf(line.rate), mode));
  }
  const taxes: Money[] = [];
  for (const indexes of groupByRate(lines).values()) {
    const group = indexes.map((i) => lines[i]!.amount);
    const currency = group[0]!.currency;
    const fraction: RateFraction = fractionOf(lines[indexes[0]!]!.rate);
    const tax = applyFraction(Money.sum(group, currency), fraction, mode);
    // Zero tax (a 0 % rate, or nothing left to tax) has no proportions to split by.
    const parts = tax.isZero() ? group.map(() => tax) : tax.allocate(group.map((amount) => amount.amount));
    indexes.forEach((lineIndex, k) => {
      taxes[lineIndex] = parts[k]!;
    });
  }
  return taxes;
}

/** Line indexes by rate, in first-seen order; `"19"` and `"19.00"` are one rate. */
function groupByRate(lines: readonly TaxableLine[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const key = rateKey(line.rate);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [i]);
    else group.push(i);
  });
  return groups;
}

function rateKey(rate: ExactDecimal): string {
  let { units, scale } = rate;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return `${units}e-${scale}`;
}
