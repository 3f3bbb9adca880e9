import { getCurrency, Money } from '@retailkit/core';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * An exact running sum of quantity × unit cost. Products and sums stay exact (scaled bigints, so no
 * digit is lost however many lines are added); the total is rounded to the currency's minor unit
 * once, half-even, when it is read as money.
 */
export class CostSum {
  #units = 0n;
  #scale = 0;
  #terms = 0;

  /** Adds `quantity` (a bigint at the item's `scale`) times `unitCost` (a decimal string). */
  add(quantity: bigint, scale: number, unitCost: string): this {
    const match = DECIMAL.exec(unitCost);
    if (!match) throw new RangeError(`${JSON.stringify(unitCost)} is not a unit cost`);
    const [, sign, whole = '0', fraction = ''] = match;
    const cost = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
    const termScale = scale + fraction.length;
    if (termScale > this.#scale) {
      this.#units *= 10n ** BigInt(termScale - this.#scale);
      this.#scale = termScale;
    }
    this.#units += quantity * cost * 10n ** BigInt(this.#scale - termScale);
    this.#terms += 1;
    return this;
  }

  /** How many products were added. */
  get terms(): number {
    return this.#terms;
  }

  /** The sum in `currency`, rounded half-even to its minor unit. */
  toMoney(currency: string): Money {
    const minorUnits = getCurrency(currency).minorUnits;
    return Money.ofMinor(roundHalfEven(this.#units, this.#scale - minorUnits), currency);
  }
}

/** `units` divided by 10^`drop` (multiplied when `drop` is negative), ties to the even neighbour. */
function roundHalfEven(units: bigint, drop: number): bigint {
  if (drop <= 0) return units * 10n ** BigInt(-drop);
  const divisor = 10n ** BigInt(drop);
  const quotient = units / divisor;
  const remainder = units - quotient * divisor;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  const away = units < 0n ? quotient - 1n : quotient + 1n;
  if (twice > divisor) return away;
  if (twice === divisor && quotient % 2n !== 0n) return away;
  return quotient;
}
