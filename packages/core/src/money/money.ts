import { CurrencyMismatchError, ValidationError } from '../errors/error-classes.js';
import type { Quantity } from '../quantity/quantity.js';
import { parseInput } from '../validation/parse-input.js';
import { allocateMinorUnits } from './allocate-minor-units.js';
import { type AllocationRatio, toAllocationWeights } from './allocation-ratios.js';
import { amountIssue, MAX_FACTOR_DIGITS } from './amount-issue.js';
import type { CurrencyCode } from './currencies.js';
import { type Currency, getCurrency } from './currency.js';
import { D, type DecimalValue } from './decimal.js';
import { normalizeZero, readDecimalInput } from './decimal-input.js';
import { type MoneyJson, moneyJsonSchema } from './money-json.js';
import { type RoundingMode, toDecimalRounding } from './rounding-mode.js';

/** What an amount can be multiplied by: a decimal string, a safe integer, a bigint or a quantity. */
export type MoneyFactor = string | number | bigint | Quantity;

/** Display options for {@link Money.format}; the style, currency and decimals come from the money itself. */
export type MoneyFormatOptions = Pick<
  Intl.NumberFormatOptions,
  'currencyDisplay' | 'currencySign' | 'signDisplay' | 'useGrouping'
>;

function invalid(path: string, message: string): ValidationError {
  return new ValidationError([{ path, message }], { context: 'money' });
}

/**
 * An exact amount of one currency, always held at the currency's minor-unit scale. Immutable:
 * every operation returns a new Money. No JS float ever holds the amount.
 *
 * @example
 * ```ts
 * const line = Money.of('0.99', 'USD').multiply(3, 'half-even'); // 2.97 USD
 * const [a, b, c] = Money.of('0.04', 'USD').allocate(['0.99', '0.99', '0.99']); // 0.02, 0.01, 0.01
 * ```
 */
export class Money {
  /** The amount in major units with exactly the currency's decimals, e.g. `"12.34"`, `"-0.50"`, `"100"` (JPY). */
  readonly amount: string;
  /** The ISO 4217 currency code. */
  readonly currency: CurrencyCode;
  readonly #decimal: DecimalValue;
  readonly #currency: Currency;

  private constructor(decimal: DecimalValue, currency: Currency) {
    this.#decimal = normalizeZero(decimal);
    this.#currency = currency;
    this.amount = this.#decimal.toFixed(currency.minorUnits);
    this.currency = currency.code;
    Object.freeze(this);
  }

  /** Checks the range (and scale) of a computed amount; `path` names the input to blame. */
  static #create(decimal: DecimalValue, currency: Currency, path: string): Money {
    const message = amountIssue(decimal, currency);
    if (message !== undefined) throw invalid(path, message);
    return new Money(decimal, currency);
  }

  /**
   * Money from an amount in major units: a decimal string (`"12.34"`), a bigint or a safe-integer
   * number. Fractional JS numbers and amounts finer than the currency's minor unit are refused
   * with a {@link ValidationError}; rounding is never implied (see {@link Money.ofRounded}).
   */
  static of(amount: string | number | bigint, currency: string): Money {
    const resolved = getCurrency(currency);
    const read = readDecimalInput(amount);
    if (!read.ok) throw invalid('amount', read.message);
    return Money.#create(read.value, resolved, 'amount');
  }

  /** Money from an amount that may be finer than the currency's minor unit, rounded as told. */
  static ofRounded(amount: string | number | bigint, currency: string, rounding: RoundingMode): Money {
    const resolved = getCurrency(currency);
    const mode = toDecimalRounding(rounding);
    const read = readDecimalInput(amount);
    if (!read.ok) throw invalid('amount', read.message);
    return Money.#create(read.value.toDecimalPlaces(resolved.minorUnits, mode), resolved, 'amount');
  }

  /** Money from an integer count of minor units: `Money.ofMinor(1234, 'USD')` is 12.34 USD. */
  static ofMinor(minor: bigint | number, currency: string): Money {
    const resolved = getCurrency(currency);
    if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
      throw invalid('amount', `minor units must be a safe integer or a bigint; got ${String(minor)}`);
    }
    if (typeof minor !== 'number' && typeof minor !== 'bigint') {
      throw invalid('amount', 'minor units must be a safe integer or a bigint');
    }
    return Money.#create(new D(`${minor}e-${resolved.minorUnits}`), resolved, 'amount');
  }

  /** Zero in `currency`. */
  static zero(currency: string): Money {
    return new Money(new D(0), getCurrency(currency));
  }

  /** Money from its JSON form, validated with {@link moneyJsonSchema}. */
  static fromJSON(json: unknown): Money {
    const parsed = parseInput(moneyJsonSchema, json, 'money');
    return Money.of(parsed.amount, parsed.currency);
  }

  /** The sum of `list`, which may be empty; every item must be in `currency`. */
  static sum(list: readonly Money[], currency: string): Money {
    return list.reduce((total, item) => total.add(item), Money.zero(currency));
  }

  /** This plus `other`; a different currency throws {@link CurrencyMismatchError}. */
  add(other: Money): Money {
    this.#assertSameCurrency(other);
    return Money.#create(this.#decimal.plus(other.#decimal), this.#currency, 'amount');
  }

  /** This minus `other`; a different currency throws {@link CurrencyMismatchError}. */
  subtract(other: Money): Money {
    this.#assertSameCurrency(other);
    return Money.#create(this.#decimal.minus(other.#decimal), this.#currency, 'amount');
  }

  /**
   * This times `factor` (a quantity, a rate, a percentage as a fraction), rounded to the minor
   * unit with the given, required mode. The product is computed exactly before that one rounding.
   *
   * @example
   * ```ts
   * Money.of('4.99', 'USD').multiply(Quantity.of('1.250', 'kg'), 'half-up'); // 6.24 USD
   * ```
   */
  multiply(factor: MoneyFactor, rounding: RoundingMode): Money {
    const mode = toDecimalRounding(rounding);
    const read = readDecimalInput(isQuantity(factor) ? factor.value : factor);
    if (!read.ok) throw invalid('factor', read.message);
    if (read.value.precision() > MAX_FACTOR_DIGITS) {
      throw invalid('factor', `must have at most ${MAX_FACTOR_DIGITS} significant digits`);
    }
    const product = this.#decimal.times(read.value).toDecimalPlaces(this.#currency.minorUnits, mode);
    return Money.#create(product, this.#currency, 'factor');
  }

  /** The same amount with the opposite sign. */
  negate(): Money {
    return new Money(this.#decimal.negated(), this.#currency);
  }

  /** The amount without its sign. */
  abs(): Money {
    return new Money(this.#decimal.abs(), this.#currency);
  }

  /** Whether the amount is zero. */
  isZero(): boolean {
    return this.#decimal.isZero();
  }

  /** Whether the amount is greater than zero. */
  isPositive(): boolean {
    return this.#decimal.gt(0);
  }

  /** Whether the amount is less than zero. */
  isNegative(): boolean {
    return this.#decimal.lt(0);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other` (same currency only). */
  compare(other: Money): -1 | 0 | 1 {
    this.#assertSameCurrency(other);
    return this.#decimal.comparedTo(other.#decimal) as -1 | 0 | 1;
  }

  /** Whether `other` has the same currency and amount. Never throws. */
  equals(other: Money): boolean {
    return this.currency === other.currency && this.amount === other.amount;
  }

  /** Whether this is less than `other` (same currency only). */
  lessThan(other: Money): boolean {
    return this.compare(other) < 0;
  }

  /** Whether this is less than or equal to `other` (same currency only). */
  lessThanOrEqual(other: Money): boolean {
    return this.compare(other) <= 0;
  }

  /** Whether this is greater than `other` (same currency only). */
  greaterThan(other: Money): boolean {
    return this.compare(other) > 0;
  }

  /** Whether this is greater than or equal to `other` (same currency only). */
  greaterThanOrEqual(other: Money): boolean {
    return this.compare(other) >= 0;
  }

  /**
   * Splits this amount by `ratios` (non-negative, positive sum; decimal strings such as line
   * totals are fine). Each part gets its share rounded towards zero, then the leftover minor
   * units go one at a time to the parts in order, so the parts always sum exactly to this amount
   * and each is within one minor unit of its exact share. A zero ratio gets zero.
   *
   * @example
   * ```ts
   * Money.of('0.04', 'USD').allocate(['0.99', '0.99', '0.99']); // 0.02, 0.01, 0.01 USD
   * ```
   */
  allocate(ratios: readonly AllocationRatio[]): Money[] {
    const parts = allocateMinorUnits(this.toMinor(), toAllocationWeights(ratios));
    return parts.map((minor) => new Money(new D(`${minor}e-${this.#currency.minorUnits}`), this.#currency));
  }

  /** Splits this amount into `parts` equal shares that differ by at most one minor unit (earlier parts larger). */
  distribute(parts: number): Money[] {
    if (!Number.isSafeInteger(parts) || parts < 1) {
      throw invalid('parts', `must be a positive integer; got ${String(parts)}`);
    }
    return this.allocate(new Array<number>(parts).fill(1));
  }

  /**
   * The amount formatted for display with `Intl.NumberFormat`, always with the currency's
   * ISO 4217 decimals. The exact decimal string is formatted, so large amounts stay exact.
   *
   * @example
   * ```ts
   * Money.of('1234.5', 'USD').format('en-US'); // "$1,234.50"
   * ```
   */
  format(locale?: Intl.LocalesArgument, options: MoneyFormatOptions = {}): string {
    let formatter: Intl.NumberFormat;
    try {
      formatter = new Intl.NumberFormat(locale, {
        ...options,
        style: 'currency',
        currency: this.currency,
        minimumFractionDigits: this.#currency.minorUnits,
        maximumFractionDigits: this.#currency.minorUnits,
      });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new ValidationError([{ path: 'format', message: error.message }], {
        context: 'money format',
        cause: error,
      });
    }
    return formatter.format(this.amount as `${number}`);
  }

  /** The amount as an integer count of minor units: 12.34 USD is `1234n`. */
  toMinor(): bigint {
    return BigInt(this.amount.replace('.', ''));
  }

  /** The JSON form, e.g. `{ amount: "12.34", currency: "USD" }`. */
  toJSON(): MoneyJson {
    return { amount: this.amount, currency: this.currency };
  }

  /** A readable form for logs, e.g. `"12.34 USD"`. */
  toString(): string {
    return `${this.amount} ${this.currency}`;
  }

  #assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw new CurrencyMismatchError(this.currency, other.currency);
  }
}

function isQuantity(factor: MoneyFactor): factor is Quantity {
  return typeof factor === 'object' && factor !== null && typeof factor.value === 'string';
}
