import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecimal,
  compareDecimal,
  isNegativeDecimal,
  normalizeDecimal,
  parseDecimal,
  subtractDecimal,
} from '../src/inventory/decimal-string.js';

describe('decimal strings', () => {
  it('adds exactly, aligning fractions of different lengths', () => {
    expect(addDecimal('1.5', '0.25')).toBe('1.75');
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
    expect(addDecimal('1.005', '2')).toBe('3.005');
    expect(addDecimal('123456789012345678901234567890.1', '0.9')).toBe('123456789012345678901234567891');
  });

  it('handles negatives and cancels to a plain "0"', () => {
    expect(addDecimal('-0.5', '0.5')).toBe('0');
    expect(addDecimal('-3', '1.25')).toBe('-1.75');
    expect(addDecimal('-0.05', '0.01')).toBe('-0.04');
    expect(subtractDecimal('2', '2.000')).toBe('0');
    expect(subtractDecimal('0', '0.001')).toBe('-0.001');
  });

  it('writes results canonically: no trailing zeros, no leading zeros, never "-0"', () => {
    expect(addDecimal('1.250', '0.250')).toBe('1.5');
    expect(addDecimal('0.000', '0')).toBe('0');
    expect(normalizeDecimal('007.100')).toBe('7.1');
    expect(normalizeDecimal('-0.000')).toBe('0');
    expect(normalizeDecimal('-00.010')).toBe('-0.01');
    expect(normalizeDecimal('10')).toBe('10');
  });

  it('compares by value, not by text', () => {
    expect(compareDecimal('1.50', '1.5')).toBe(0);
    expect(compareDecimal('-0', '0')).toBe(0);
    expect(compareDecimal('9', '10')).toBe(-1);
    expect(compareDecimal('-1.5', '-1.25')).toBe(-1);
    expect(compareDecimal('0.001', '0')).toBe(1);
    expect(isNegativeDecimal('-0.0')).toBe(false);
    expect(isNegativeDecimal('-0.01')).toBe(true);
  });

  it('refuses anything but a plain decimal', () => {
    const malformed = [
      '',
      '-',
      '1e3',
      '.5',
      '-.5',
      '1.',
      '1.2.3',
      '+1',
      ' 1',
      '1 ',
      '1,5',
      'NaN',
      '--1',
      '0x10',
    ];
    for (const bad of malformed) {
      expect(() => addDecimal(bad, '0'), bad).toThrow(RangeError);
    }
  });

  it('agrees with integer arithmetic on scaled values', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
      .map(([units, scale]) => ({ units, scale, text: toText(units, scale) }));
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const scale = Math.max(a.scale, b.scale);
        const x = a.units * 10n ** BigInt(scale - a.scale);
        const y = b.units * 10n ** BigInt(scale - b.scale);
        expect(compareDecimal(addDecimal(a.text, b.text), toText(x + y, scale))).toBe(0);
        expect(addDecimal(a.text, b.text)).toBe(normalizeDecimal(toText(x + y, scale)));
        expect(compareDecimal(a.text, b.text)).toBe(x < y ? -1 : x > y ? 1 : 0);
        expect(subtractDecimal(addDecimal(a.text, b.text), b.text)).toBe(normalizeDecimal(a.text));
      }),
    );
  });
});

/** A scaled integer written with exactly `scale` decimals, the way callers write quantities. */
function toText(units: bigint, scale: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return units < 0n ? `-${text}` : text;
}

describe('isNegativeDecimal', () => {
  /** What it must agree with: the sign of the parsed value, or the same RangeError. */
  const reference = (value: string): boolean | string => {
    try {
      return parseDecimal(value).units < 0n;
    } catch (error) {
      return String(error);
    }
  };
  const actual = (value: string): boolean | string => {
    try {
      return isNegativeDecimal(value);
    } catch (error) {
      return String(error);
    }
  };

  it('agrees with parsing on any text, malformed included', () => {
    const decimalish = fc.stringMatching(/^-?[0-9]{0,4}(\.[0-9]{0,4})?[0-9.\-e ]?$/);
    fc.assert(
      fc.property(fc.oneof(decimalish, fc.string()), (value) => {
        expect(actual(value)).toBe(reference(value));
      }),
      { numRuns: 5000 },
    );
    for (const value of ['', '-', '-0', '-0.0', '0', '-.5', '1.', '.1', '-00.010', '1..2']) {
      expect(actual(value)).toBe(reference(value));
    }
  });
});
