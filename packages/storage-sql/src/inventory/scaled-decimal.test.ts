import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addScaled,
  compareScaled,
  formatDecimal,
  parseDecimal,
  subtractScaled,
  ZERO,
} from './scaled-decimal.js';

const decimalText = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }))
  .map(([units, scale]) => formatDecimal({ units, scale }));

describe('scaled decimals (SQLite arithmetic)', () => {
  it('parses and formats canonically', () => {
    expect(formatDecimal(parseDecimal('001.500'))).toBe('1.5');
    expect(formatDecimal(parseDecimal('-0.000'))).toBe('0');
    expect(formatDecimal(parseDecimal('-0.05'))).toBe('-0.05');
    expect(formatDecimal(parseDecimal('12'))).toBe('12');
    expect(formatDecimal(ZERO)).toBe('0');
  });

  it('refuses what is not a plain decimal', () => {
    for (const bad of ['', '-', '1.', '.5', '1e3', '+1', '1.2.3', ' 1', 'NaN']) {
      expect(() => parseDecimal(bad), bad).toThrow(RangeError);
    }
  });

  it('adds and subtracts exactly where floating point would not', () => {
    expect(formatDecimal(addScaled(parseDecimal('0.1'), parseDecimal('0.2')))).toBe('0.3');
    expect(formatDecimal(subtractScaled(parseDecimal('1'), parseDecimal('0.999999999')))).toBe('0.000000001');
    expect(formatDecimal(addScaled(parseDecimal('99999999999999999999.5'), parseDecimal('0.5')))).toBe(
      '100000000000000000000',
    );
  });

  it('agrees with BigInt arithmetic on scaled integers', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const sum = addScaled(parseDecimal(a), parseDecimal(b));
        const back = subtractScaled(sum, parseDecimal(b));
        expect(formatDecimal(back)).toBe(formatDecimal(parseDecimal(a)));
        expect(compareScaled(parseDecimal(a), parseDecimal(b))).toBe(
          compareScaled(subtractScaled(parseDecimal(a), parseDecimal(b)), ZERO),
        );
        expect(formatDecimal(parseDecimal(a))).toBe(a);
      }),
    );
  });
});
