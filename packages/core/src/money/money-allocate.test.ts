import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validationPaths } from '../../test/support/catch-error.js';
import { Money } from './money.js';

const amounts = (parts: readonly Money[]) => parts.map((part) => part.amount);

describe('allocate', () => {
  it('spreads a 0.04 order discount over three 0.99 lines as 0.02, 0.01, 0.01', () => {
    const discount = Money.of('0.04', 'USD');
    const parts = discount.allocate(['0.99', '0.99', '0.99']);
    expect(amounts(parts)).toEqual(['0.02', '0.01', '0.01']);
    expect(Money.sum(parts, 'USD').equals(discount)).toBe(true);
  });

  it('splits by ratio and hands the leftover cents to the first parts', () => {
    expect(amounts(Money.of('100', 'USD').allocate([1, 1, 1]))).toEqual(['33.34', '33.33', '33.33']);
    expect(amounts(Money.of('0.05', 'USD').allocate([70, 30]))).toEqual(['0.04', '0.01']);
    expect(amounts(Money.of('10', 'USD').allocate(['2.5', '7.5']))).toEqual(['2.50', '7.50']);
  });

  it('handles negative amounts (refunds) with the same shape, signs flipped', () => {
    expect(amounts(Money.of('-100', 'USD').allocate([1, 1, 1]))).toEqual(['-33.34', '-33.33', '-33.33']);
    expect(amounts(Money.of('-0.04', 'USD').allocate(['0.99', '0.99', '0.99']))).toEqual([
      '-0.02',
      '-0.01',
      '-0.01',
    ]);
  });

  it('respects the currency minor unit: JPY whole yen, KWD fils', () => {
    expect(amounts(Money.of('100', 'JPY').allocate([1, 1, 1]))).toEqual(['34', '33', '33']);
    expect(amounts(Money.of('1', 'KWD').allocate([1, 1, 1]))).toEqual(['0.334', '0.333', '0.333']);
  });

  it('gives nothing to a zero ratio, not even a leftover unit', () => {
    expect(amounts(Money.of('0.05', 'USD').allocate([0, 1, 1]))).toEqual(['0.00', '0.03', '0.02']);
  });

  it('accepts bigint ratios and ratios with many decimals', () => {
    expect(amounts(Money.of('1', 'USD').allocate([1n, 3n]))).toEqual(['0.25', '0.75']);
    expect(
      amounts(Money.of('1', 'USD').allocate(['0.000000000000000000000001', '0.000000000000000000000003'])),
    ).toEqual(['0.25', '0.75']);
  });

  it('rejects negative ratios, all-zero ratios, empty lists and fractional JS numbers', () => {
    const usd = Money.of('1', 'USD');
    expect(validationPaths(() => usd.allocate([1, -1]))).toEqual(['ratios.1']);
    expect(validationPaths(() => usd.allocate([0, '0.00']))).toEqual(['ratios']);
    expect(validationPaths(() => usd.allocate([]))).toEqual(['ratios']);
    expect(validationPaths(() => usd.allocate([0.5, 0.5]))).toEqual(['ratios.0', 'ratios.1']);
  });
});

describe('distribute', () => {
  it('splits into equal parts that differ by at most one minor unit', () => {
    expect(amounts(Money.of('10', 'USD').distribute(3))).toEqual(['3.34', '3.33', '3.33']);
    expect(amounts(Money.of('0.01', 'USD').distribute(3))).toEqual(['0.01', '0.00', '0.00']);
  });

  it.each([0, -1, 1.5])('rejects %d parts', (parts) => {
    expect(validationPaths(() => Money.of('1', 'USD').distribute(parts))).toEqual(['parts']);
  });
});

describe('allocation properties', () => {
  const currencies = fc.constantFrom('USD', 'JPY', 'KWD', 'CLF');
  const minor = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
  const ratio = fc.oneof(
    fc.constantFrom(0, '0', '0.00'),
    fc.nat({ max: 1000 }),
    fc.bigInt({ min: 0n, max: 10n ** 18n }),
    fc
      .tuple(fc.nat({ max: 100_000 }), fc.integer({ min: 0, max: 6 }))
      .map(([digits, scale]) => (scale === 0 ? String(digits) : (digits / 10 ** scale).toFixed(scale))),
  );
  const ratios = fc
    .array(ratio, { minLength: 1, maxLength: 12 })
    .filter((list) => list.some((r) => Number(r) > 0 || (typeof r === 'bigint' && r > 0n)));

  /** A ratio as an exact fraction numerator over 10^6, matching the generator's precision. */
  const toMicros = (r: string | number | bigint): bigint => {
    if (typeof r !== 'string') return BigInt(r) * 1_000_000n;
    const [whole = '0', frac = ''] = r.split('.');
    return BigInt(whole + frac.padEnd(6, '0'));
  };

  it('hands a leftover unit to a part whose share was cut, never to one that was exact', () => {
    // 4 by 3:2:1 is exactly 2, then 1.33 and 0.67: the leftover unit goes to the 1.33.
    const parts = Money.ofMinor(4n, 'EUR').allocate([3, 2, 1]);
    expect(parts.map((part) => part.toMinor())).toEqual([2n, 2n, 0n]);
    const negative = Money.ofMinor(-4n, 'EUR').allocate([3, 2, 1]);
    expect(negative.map((part) => part.toMinor())).toEqual([-2n, -2n, 0n]);
  });

  it('parts always sum exactly to the whole, and each is within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(minor, currencies, ratios, (total, currency, list) => {
        const whole = Money.ofMinor(total, currency);
        const parts = whole.allocate(list);
        expect(parts).toHaveLength(list.length);
        expect(Money.sum(parts, currency).equals(whole)).toBe(true);

        const weights = list.map(toMicros);
        const weightSum = weights.reduce((a, b) => a + b, 0n);
        parts.forEach((part, i) => {
          const weight = weights[i]!;
          // |part - total * w / W| < 1  <=>  |part * W - total * w| < W
          const diff = part.toMinor() * weightSum - total * weight;
          expect(diff < weightSum && -diff < weightSum).toBe(true);
          if (weight === 0n) expect(part.isZero()).toBe(true);
          // A part never has the opposite sign of the whole.
          if (total >= 0n) expect(part.isNegative()).toBe(false);
          else expect(part.isPositive()).toBe(false);
        });
      }),
    );
  });

  it('distribute gives parts that differ by at most one minor unit', () => {
    fc.assert(
      fc.property(minor, currencies, fc.integer({ min: 1, max: 50 }), (total, currency, n) => {
        const parts = Money.ofMinor(total, currency).distribute(n);
        const minors = parts.map((part) => part.toMinor());
        expect(minors.every((a) => minors.every((b) => a - b <= 1n))).toBe(true);
        expect(minors.reduce((a, b) => a + b, 0n)).toBe(total);
      }),
    );
  });
});
