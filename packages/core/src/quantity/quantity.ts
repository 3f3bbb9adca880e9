import { ValidationError } from '../errors/error-classes.js';
import { D, type DecimalValue } from '../money/decimal.js';
import { normalizeZero, readDecimalInput } from '../money/decimal-input.js';
import { parseInput } from '../validation/parse-input.js';
import { quantityIssue } from './quantity-issue.js';
import { type QuantityJson, quantityJsonSchema } from './quantity-json.js';
import { resolveUnit, type UnitOfMeasure, type UnitOfMeasureInput, unitToJson } from './unit-of-measure.js';

function invalid(path: string, message: string): ValidationError {
  return new ValidationError([{ path, message }], { context: 'quantity' });
}

/**
 * An exact, signed amount of a unit of measure: whole items (`'each'`) or a measured quantity
 * with the unit's decimals (`1.250 kg`). Immutable. Negative values are allowed because ledger
 * movements are signed; validate inputs with `positiveQuantitySchema`.
 *
 * @example
 * ```ts
 * const weight = Quantity.of('1.250', 'kg');
 * Money.of('4.99', 'USD').multiply(weight, 'half-up'); // 6.24 USD
 * ```
 */
export class Quantity {
  /** The value as a decimal string with exactly the unit's decimals, e.g. `"1.250"` or `"3"`. */
  readonly value: string;
  /** The unit of measure. */
  readonly unit: UnitOfMeasure;
  readonly #decimal: DecimalValue;

  private constructor(decimal: DecimalValue, unit: UnitOfMeasure) {
    this.#decimal = normalizeZero(decimal);
    this.value = this.#decimal.toFixed(unit.scale);
    this.unit = unit;
    Object.freeze(this);
  }

  static #create(decimal: DecimalValue, unit: UnitOfMeasure): Quantity {
    const message = quantityIssue(decimal, unit);
    if (message !== undefined) throw invalid('quantity', message);
    return new Quantity(decimal, unit);
  }

  /**
   * A quantity from a decimal string (`"1.250"`), a bigint or a safe-integer number, in `unit`
   * (default `'each'`). Fractional JS numbers, fractions of `'each'` and values finer than the
   * unit's scale are refused with a {@link ValidationError} on path `quantity`.
   */
  static of(value: string | number | bigint, unit: UnitOfMeasureInput = 'each'): Quantity {
    const resolved = resolveUnit(unit);
    const read = readDecimalInput(value);
    if (!read.ok) throw invalid('quantity', read.message);
    return Quantity.#create(read.value, resolved);
  }

  /** Zero of `unit` (default `'each'`). */
  static zero(unit: UnitOfMeasureInput = 'each'): Quantity {
    return new Quantity(new D(0), resolveUnit(unit));
  }

  /** A quantity from its JSON form, validated with `quantityJsonSchema`. */
  static fromJSON(json: unknown): Quantity {
    const parsed = parseInput(quantityJsonSchema, json, 'quantity');
    return Quantity.of(parsed.value, parsed.unit);
  }

  /** This plus `other`; a different unit is a {@link ValidationError} (no conversion). */
  add(other: Quantity): Quantity {
    this.#assertSameUnit(other);
    return Quantity.#create(this.#decimal.plus(other.#decimal), this.unit);
  }

  /** This minus `other`; a different unit is a {@link ValidationError} (no conversion). */
  subtract(other: Quantity): Quantity {
    this.#assertSameUnit(other);
    return Quantity.#create(this.#decimal.minus(other.#decimal), this.unit);
  }

  /** The same quantity with the opposite sign, e.g. to turn a receipt into an issue movement. */
  negate(): Quantity {
    return new Quantity(this.#decimal.negated(), this.unit);
  }

  /** Whether the value is zero. */
  isZero(): boolean {
    return this.#decimal.isZero();
  }

  /** Whether the value is greater than zero. */
  isPositive(): boolean {
    return this.#decimal.gt(0);
  }

  /** Whether the value is less than zero. */
  isNegative(): boolean {
    return this.#decimal.lt(0);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other` (same unit only). */
  compare(other: Quantity): -1 | 0 | 1 {
    this.#assertSameUnit(other);
    return this.#decimal.comparedTo(other.#decimal) as -1 | 0 | 1;
  }

  /** Whether `other` has the same unit and value. Never throws. */
  equals(other: Quantity): boolean {
    return sameUnit(this.unit, other.unit) && this.value === other.value;
  }

  /** The JSON form, e.g. `{ value: "1.250", unit: "kg" }`. */
  toJSON(): QuantityJson {
    return { value: this.value, unit: unitToJson(this.unit) };
  }

  /** A readable form for logs, e.g. `"1.250 kg"`. */
  toString(): string {
    return `${this.value} ${this.unit.code}`;
  }

  #assertSameUnit(other: Quantity): void {
    if (!sameUnit(this.unit, other.unit)) {
      throw invalid('unit', `cannot combine ${this.unit.code} with ${other.unit.code}; convert explicitly`);
    }
  }
}

function sameUnit(a: UnitOfMeasure, b: UnitOfMeasure): boolean {
  return a.code === b.code && a.scale === b.scale;
}
