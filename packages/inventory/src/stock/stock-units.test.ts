import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUnits, toUnits, tryToUnits } from './stock-units.js';

describe('stock units', () => {
  it('reads decimal strings at a scale and ignores trailing zeros', () => {
    expect(toUnits('1.25', 3)).toBe(1250n);
    expect(toUnits('1.2500', 3)).toBe(1250n);
    expect(toUnits('-0.5', 1)).toBe(-5n);
    expect(toUnits('7', 0)).toBe(7n);
  });

  it('refuses more decimals than the scale and malformed text', () => {
    expect(tryToUnits('1.5', 0)).toBeUndefined();
    expect(tryToUnits('1.2345', 3)).toBeUndefined();
    expect(tryToUnits('1e3', 0)).toBeUndefined();
    expect(tryToUnits('', 0)).toBeUndefined();
    expect(() => toUnits('x', 0)).toThrow(RangeError);
  });

  it('formats with exactly the scale', () => {
    expect(formatUnits(1250n, 3)).toBe('1.250');
    expect(formatUnits(-5n, 3)).toBe('-0.005');
    expect(formatUnits(0n, 2)).toBe('0.00');
    expect(formatUnits(42n, 0)).toBe('42');
  });

  it('round-trips every value at every scale', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.integer({ min: 0, max: 9 }),
        (units, scale) => {
          expect(toUnits(formatUnits(units, scale), scale)).toBe(units);
        },
      ),
    );
  });
});

/** The regex reading tryToUnits replaced, kept as the reference it must agree with. */
function referenceToUnits(value: string, scale: number): bigint | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > scale) return undefined;
  const units = BigInt(whole + trimmed.padEnd(scale, '0'));
  return sign === '-' ? -units : units;
}

describe('tryToUnits', () => {
  it('agrees with the reference reading on any text at any scale', () => {
    const decimalish = fc.stringMatching(/^-?[0-9]{0,6}(\.[0-9]{0,6})?[0-9.\-e ]?$/);
    fc.assert(
      fc.property(fc.oneof(decimalish, fc.string()), fc.integer({ min: 0, max: 9 }), (value, scale) => {
        expect(tryToUnits(value, scale)).toBe(referenceToUnits(value, scale));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees on edge cases', () => {
    for (const value of [
      '0',
      '-0',
      '00',
      '1.',
      '.5',
      '-',
      '-.5',
      '1.0',
      '1.00',
      '-1.10',
      '1..0',
      '0.000',
      '١',
    ]) {
      for (const scale of [0, 1, 3]) expect(tryToUnits(value, scale)).toBe(referenceToUnits(value, scale));
    }
  });
});
