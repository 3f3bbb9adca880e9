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
