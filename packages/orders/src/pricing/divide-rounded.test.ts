import { Money, ROUNDING_MODES } from '@retailkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded } from './divide-rounded.js';

function decimalString(numerator: bigint, decimals: number): string {
  const digits = (numerator < 0n ? -numerator : numerator).toString().padStart(decimals + 1, '0');
  const sign = numerator < 0n ? '-' : '';
  return decimals === 0
    ? `${sign}${digits}`
    : `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

describe('divideRounded', () => {
  it('breaks ties as each mode says', () => {
    const cases: ReadonlyArray<[bigint, Record<string, bigint>]> = [
      [25n, { 'half-up': 3n, 'half-even': 2n, 'half-down': 2n, up: 3n, down: 2n, ceil: 3n, floor: 2n }],
      [
        -25n,
        { 'half-up': -3n, 'half-even': -2n, 'half-down': -2n, up: -3n, down: -2n, ceil: -2n, floor: -3n },
      ],
      [35n, { 'half-up': 4n, 'half-even': 4n, 'half-down': 3n, up: 4n, down: 3n, ceil: 4n, floor: 3n }],
    ];
    for (const [tenths, expected] of cases) {
      for (const mode of ROUNDING_MODES) expect(divideRounded(tenths, 10n, mode)).toBe(expected[mode]);
    }
  });

  it('rounds a fraction that never terminates (19/119 of 10 cents) to the nearest cent', () => {
    expect(divideRounded(10n * 19n, 119n, 'half-up')).toBe(2n);
    expect(divideRounded(10n * 19n, 119n, 'down')).toBe(1n);
  });

  it('agrees with Money.ofRounded for every mode on terminating quotients', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(...ROUNDING_MODES),
        (numerator, decimals, mode) => {
          const expected = Money.ofRounded(decimalString(numerator, decimals), 'JPY', mode).toMinor();
          expect(divideRounded(numerator, 10n ** BigInt(decimals), mode)).toBe(expected);
        },
      ),
    );
  });
});
