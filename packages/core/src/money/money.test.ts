import { describe, expect, it } from 'vitest';
import { validationPaths } from '../../test/support/catch-error.js';
import { CurrencyMismatchError, isRetailKitError, ValidationError } from '../errors/index.js';
import { Quantity } from '../quantity/quantity.js';
import { Money } from './money.js';
import { moneySchema } from './money-schema.js';

describe('Money.of', () => {
  it('keeps the amount at the currency scale: USD 2, JPY 0, KWD 3, CLF 4', () => {
    expect(Money.of('12.3', 'USD').amount).toBe('12.30');
    expect(Money.of('100', 'JPY').amount).toBe('100');
    expect(Money.of('1.5', 'KWD').amount).toBe('1.500');
    expect(Money.of('0.0001', 'CLF').amount).toBe('0.0001');
  });

  it('accepts safe integers and bigints as whole major units', () => {
    expect(Money.of(12, 'USD').amount).toBe('12.00');
    expect(Money.of(-7, 'USD').amount).toBe('-7.00');
    expect(Money.of(12n, 'KWD').amount).toBe('12.000');
  });

  it('rejects a fractional JS number and tells the caller to pass a string', () => {
    try {
      Money.of(12.34, 'USD');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const issue = (error as ValidationError).issues[0];
      expect(issue?.path).toBe('amount');
      expect(issue?.message).toContain('string');
    }
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects the unsafe number %d', (value) => {
    expect(validationPaths(() => Money.of(value, 'USD'))).toEqual(['amount']);
  });

  it('rejects more decimals than the currency has instead of rounding', () => {
    expect(validationPaths(() => Money.of('1.234', 'USD'))).toEqual(['amount']);
    expect(validationPaths(() => Money.of('1.5', 'JPY'))).toEqual(['amount']);
    expect(validationPaths(() => Money.of('1.2345', 'KWD'))).toEqual(['amount']);
  });

  it('accepts trailing zeros that lose nothing', () => {
    expect(Money.of('1.230', 'USD').amount).toBe('1.23');
    expect(Money.of('100.00', 'JPY').amount).toBe('100');
  });

  it.each(['', ' 1', '1e3', '1.', '.5', '+1', '1,5', 'abc', '0x10'])(
    'rejects the malformed amount %j',
    (amount) => {
      expect(validationPaths(() => Money.of(amount, 'USD'))).toEqual(['amount']);
    },
  );

  it('rejects an unknown currency on path currency', () => {
    expect(validationPaths(() => Money.of('1', 'usd'))).toEqual(['currency']);
  });

  it('never produces a negative zero', () => {
    expect(Money.of('-0.00', 'USD').amount).toBe('0.00');
    expect(Money.of('-0.00', 'USD').isNegative()).toBe(false);
    expect(Money.of('0.01', 'USD').multiply('-0.1', 'half-up').amount).toBe('0.00');
  });

  it('keeps amounts beyond 2^53 exact', () => {
    const big = Money.of('123456789012345678901.23', 'USD');
    expect(big.amount).toBe('123456789012345678901.23');
    expect(big.toMinor()).toBe(12345678901234567890123n);
    expect(big.add(Money.of('0.01', 'USD')).amount).toBe('123456789012345678901.24');
    expect(Money.ofMinor(2n ** 64n + 1n, 'USD').amount).toBe('184467440737095516.17');
  });

  it('refuses amounts beyond 30 digits in minor units rather than losing precision', () => {
    expect(validationPaths(() => Money.of('1'.padEnd(29, '0'), 'USD'))).toEqual(['amount']);
    const max = Money.of('9'.repeat(28), 'USD');
    expect(validationPaths(() => max.add(Money.of('1', 'USD')))).toEqual(['amount']);
  });
});

describe('Money.ofRounded', () => {
  it('rounds with the mode the caller names', () => {
    expect(Money.ofRounded('1.005', 'USD', 'half-up').amount).toBe('1.01');
    expect(Money.ofRounded('1.005', 'USD', 'half-even').amount).toBe('1.00');
    expect(Money.ofRounded('1.999', 'USD', 'down').amount).toBe('1.99');
    expect(Money.ofRounded('2.5', 'JPY', 'half-even').amount).toBe('2');
  });

  it('still rejects a fractional JS number', () => {
    expect(validationPaths(() => Money.ofRounded(1.005, 'USD', 'half-up'))).toEqual(['amount']);
  });
});

describe('Money.ofMinor and toMinor', () => {
  it('reads minor units with the currency scale', () => {
    expect(Money.ofMinor(1234, 'USD').amount).toBe('12.34');
    expect(Money.ofMinor(-50, 'USD').amount).toBe('-0.50');
    expect(Money.ofMinor(1234, 'JPY').amount).toBe('1234');
    expect(Money.ofMinor(1234n, 'KWD').amount).toBe('1.234');
  });

  it('round-trips through toMinor', () => {
    expect(Money.of('-0.05', 'USD').toMinor()).toBe(-5n);
    expect(Money.of('1.234', 'BHD').toMinor()).toBe(1234n);
    expect(Money.of('100', 'JPY').toMinor()).toBe(100n);
  });

  it('rejects non-integer minor units', () => {
    expect(validationPaths(() => Money.ofMinor(12.5, 'USD'))).toEqual(['amount']);
  });
});

describe('arithmetic', () => {
  const usd = (amount: string) => Money.of(amount, 'USD');

  it('adds and subtracts exactly where floats would not', () => {
    expect(usd('0.10').add(usd('0.20')).amount).toBe('0.30');
    expect(usd('0.30').subtract(usd('0.10')).amount).toBe('0.20');
    expect(usd('1.00').subtract(usd('1.50')).amount).toBe('-0.50');
  });

  it('refuses to combine currencies with a CURRENCY_MISMATCH error', () => {
    const mix = () => usd('1').add(Money.of('1', 'EUR'));
    expect(mix).toThrow(CurrencyMismatchError);
    try {
      mix();
    } catch (error) {
      expect(isRetailKitError(error, 'CURRENCY_MISMATCH')).toBe(true);
      expect((error as CurrencyMismatchError).details).toEqual({ expected: 'USD', actual: 'EUR' });
    }
    expect(() => usd('1').subtract(Money.of('1', 'EUR'))).toThrow(CurrencyMismatchError);
    expect(() => usd('1').compare(Money.of('1', 'EUR'))).toThrow(CurrencyMismatchError);
  });

  it('sums a list, and an empty list is zero', () => {
    expect(Money.sum([usd('0.99'), usd('0.99'), usd('0.99')], 'USD').amount).toBe('2.97');
    expect(Money.sum([], 'KWD').amount).toBe('0.000');
    expect(() => Money.sum([Money.of('1', 'EUR')], 'USD')).toThrow(CurrencyMismatchError);
  });

  it('negates and takes the absolute value', () => {
    expect(usd('1.25').negate().amount).toBe('-1.25');
    expect(usd('-1.25').abs().amount).toBe('1.25');
    expect(usd('0').negate().amount).toBe('0.00');
  });

  it('multiplies with the required rounding mode', () => {
    expect(usd('0.99').multiply(3, 'half-even').amount).toBe('2.97');
    expect(usd('10.00').multiply('0.0825', 'half-up').amount).toBe('0.83');
    expect(usd('10.00').multiply('0.0825', 'down').amount).toBe('0.82');
    expect(usd('-10.00').multiply('0.0825', 'floor').amount).toBe('-0.83');
    expect(usd('-10.00').multiply('0.0825', 'ceil').amount).toBe('-0.82');
    expect(usd('-10.00').multiply('0.0825', 'up').amount).toBe('-0.83');
    expect(usd('0.05').multiply('0.5', 'half-down').amount).toBe('0.02');
    expect(usd('0.05').multiply('0.5', 'half-up').amount).toBe('0.03');
    expect(usd('0.05').multiply('0.5', 'half-even').amount).toBe('0.02');
    expect(Money.of('1000', 'JPY').multiply('0.1', 'half-up').amount).toBe('100');
    expect(Money.of('1.000', 'KWD').multiply(7n, 'half-up').amount).toBe('7.000');
  });

  it('multiplies by a measured quantity', () => {
    expect(usd('4.99').multiply(Quantity.of('1.250', 'kg'), 'half-up').amount).toBe('6.24');
    expect(usd('4.99').multiply(Quantity.of('-2'), 'half-up').amount).toBe('-9.98');
  });

  it('rejects a fractional JS number factor, a factor too precise to multiply exactly, and a missing mode', () => {
    expect(validationPaths(() => usd('1').multiply(0.5, 'half-up'))).toEqual(['factor']);
    expect(validationPaths(() => usd('1').multiply('1.000000000000000000001', 'half-up'))).toEqual([
      'factor',
    ]);
    // @ts-expect-error the rounding mode is required
    expect(validationPaths(() => usd('1').multiply('2'))).toEqual(['rounding']);
    // @ts-expect-error not a rounding mode
    expect(validationPaths(() => usd('1').multiply('2', 'ROUND_HALF_UP'))).toEqual(['rounding']);
  });
});

describe('comparisons', () => {
  const usd = (amount: string) => Money.of(amount, 'USD');

  it('compares and orders amounts of one currency', () => {
    expect(usd('1.00').compare(usd('2.00'))).toBe(-1);
    expect(usd('2.00').compare(usd('2'))).toBe(0);
    expect(usd('3.00').compare(usd('2.00'))).toBe(1);
    expect(usd('1').lessThan(usd('2'))).toBe(true);
    expect(usd('2').lessThanOrEqual(usd('2'))).toBe(true);
    expect(usd('2').greaterThan(usd('2'))).toBe(false);
    expect(usd('2').greaterThanOrEqual(usd('2'))).toBe(true);
  });

  it('equals is false across currencies rather than throwing', () => {
    expect(usd('1').equals(usd('1.00'))).toBe(true);
    expect(usd('1').equals(Money.of('1', 'EUR'))).toBe(false);
  });

  it('tells the sign', () => {
    expect(usd('0').isZero()).toBe(true);
    expect(usd('0.01').isPositive()).toBe(true);
    expect(usd('-0.01').isNegative()).toBe(true);
    expect(usd('0').isPositive() || usd('0').isNegative()).toBe(false);
  });
});

describe('JSON', () => {
  it.each([
    ['12.34', 'USD', '12.34'],
    ['-0.5', 'USD', '-0.50'],
    ['100', 'JPY', '100'],
    ['1.5', 'KWD', '1.500'],
    ['0.0001', 'CLF', '0.0001'],
  ])('%s %s serialises as %s and round-trips', (amount, currency, json) => {
    const money = Money.of(amount, currency);
    expect(money.toJSON()).toEqual({ amount: json, currency });
    const back = Money.fromJSON(JSON.parse(JSON.stringify(money)));
    expect(back.equals(money)).toBe(true);
  });

  it('rejects invalid JSON with a path per field', () => {
    expect(validationPaths(() => Money.fromJSON({ amount: 12.34, currency: 'USD' }))).toEqual(['amount']);
    expect(validationPaths(() => Money.fromJSON({ amount: '1.234', currency: 'USD' }))).toEqual(['amount']);
    expect(validationPaths(() => Money.fromJSON({ amount: '1', currency: 'usd' }))).toEqual(['currency']);
    expect(validationPaths(() => Money.fromJSON(null))).toEqual(['']);
  });

  it('moneySchema turns valid input into Money', () => {
    const money = moneySchema.parse({ amount: '2.50', currency: 'EUR' });
    expect(money).toBeInstanceOf(Money);
    expect(money.toString()).toBe('2.50 EUR');
    expect(moneySchema.safeParse({ amount: '2.505', currency: 'EUR' }).success).toBe(false);
  });

  it('toString shows amount and code', () => {
    expect(Money.of('-0.5', 'USD').toString()).toBe('-0.50 USD');
  });

  it('is immutable', () => {
    const money = Money.of('1', 'USD');
    expect(Object.isFrozen(money)).toBe(true);
    expect(() => {
      (money as { amount: string }).amount = '2.00';
    }).toThrow(TypeError);
  });
});

describe('format', () => {
  it('formats per locale with the ISO decimals', () => {
    expect(Money.of('1234.5', 'USD').format('en-US')).toBe('$1,234.50');
    expect(Money.of('1234.5', 'EUR').format('de-DE')).toBe('1.234,50\u00a0€');
    expect(Money.of('1235', 'JPY').format('ja-JP')).toBe('￥1,235');
    expect(Money.of('1.234', 'KWD').format('en-US')).toBe('KWD\u00a01.234');
    expect(Money.of('-0.5', 'USD').format('en-US')).toBe('-$0.50');
  });

  it('passes display options through', () => {
    expect(Money.of('-0.5', 'USD').format('en-US', { currencySign: 'accounting' })).toBe('($0.50)');
    expect(Money.of('5', 'USD').format('en-US', { currencyDisplay: 'code' })).toBe('USD\u00a05.00');
  });

  it('formats amounts beyond 2^53 exactly', () => {
    expect(Money.of('12345678901234567890.12', 'USD').format('en-US')).toBe('$12,345,678,901,234,567,890.12');
  });

  it('reports a bad locale as a ValidationError', () => {
    expect(validationPaths(() => Money.of('1', 'USD').format('not a locale!'))).toEqual(['format']);
  });
});
