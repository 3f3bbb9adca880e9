import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from './money.js';
import { ROUNDING_MODES } from './rounding-mode.js';

const currency = fc.constantFrom('USD', 'JPY', 'KWD', 'CLF', 'EUR');
// Up to 25 digits, far beyond 2^53, well inside the 30-digit limit so sums stay in range.
const minor = fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n });

describe('Money arithmetic properties', () => {
  it('subtracting what was added gives the original amount back', () => {
    fc.assert(
      fc.property(currency, minor, minor, (code, a, b) => {
        const x = Money.ofMinor(a, code);
        const y = Money.ofMinor(b, code);
        expect(x.add(y).subtract(y).equals(x)).toBe(true);
        expect(x.add(y).toMinor()).toBe(a + b);
        expect(x.add(y).equals(y.add(x))).toBe(true);
      }),
    );
  });

  it('multiplying by an integer equals repeated addition, whatever the rounding mode', () => {
    fc.assert(
      fc.property(
        currency,
        minor,
        fc.integer({ min: -20, max: 20 }),
        fc.constantFrom(...ROUNDING_MODES),
        (code, a, n, mode) => {
          const x = Money.ofMinor(a, code);
          const repeated = Money.sum(new Array<Money>(Math.abs(n)).fill(n < 0 ? x.negate() : x), code);
          expect(x.multiply(n, mode).equals(repeated)).toBe(true);
          expect(x.multiply(String(n), mode).equals(repeated)).toBe(true);
          expect(x.multiply(BigInt(n), mode).equals(repeated)).toBe(true);
        },
      ),
    );
  });

  it('JSON round-trips every amount exactly', () => {
    fc.assert(
      fc.property(currency, minor, (code, a) => {
        const x = Money.ofMinor(a, code);
        const back = Money.fromJSON(JSON.parse(JSON.stringify(x)));
        expect(back.equals(x)).toBe(true);
        expect(back.toMinor()).toBe(a);
      }),
    );
  });

  it('rounded multiplication lands within one minor unit of the exact product, on the side the mode says', () => {
    fc.assert(
      fc.property(
        minor,
        fc.integer({ min: -99_999, max: 99_999 }),
        fc.constantFrom(...ROUNDING_MODES),
        (a, rateMicros, mode) => {
          // exact product in 10^-6 minor units: a * rate, rate = rateMicros / 10^4 (4 decimals)
          const rate = (rateMicros / 10_000).toFixed(4);
          const result = Money.ofMinor(a, 'USD').multiply(rate, mode).toMinor();
          const exact = a * BigInt(rateMicros); // in 10^-4 minor units
          const diff = result * 10_000n - exact;
          expect(diff > -10_000n && diff < 10_000n).toBe(true);
          if (mode === 'floor') expect(diff <= 0n).toBe(true);
          if (mode === 'ceil') expect(diff >= 0n).toBe(true);
          if (mode === 'down') expect(exact >= 0n ? diff <= 0n : diff >= 0n).toBe(true);
          if (mode === 'up') expect(exact >= 0n ? diff >= 0n : diff <= 0n).toBe(true);
          if (mode.startsWith('half')) expect(diff >= -5_000n && diff <= 5_000n).toBe(true);
        },
      ),
    );
  });
});
