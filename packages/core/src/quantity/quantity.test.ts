import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validationPaths } from '../../test/support/catch-error.js';
import { ValidationError } from '../errors/index.js';
import { Quantity } from './quantity.js';

describe('Quantity.of', () => {
  it('defaults to whole units (each)', () => {
    const q = Quantity.of(3);
    expect(q.value).toBe('3');
    expect(q.unit).toEqual({ code: 'each', scale: 0 });
    expect(Quantity.of('12').toString()).toBe('12 each');
    expect(Quantity.of(5n).value).toBe('5');
  });

  it('keeps measured values at the unit scale', () => {
    expect(Quantity.of('1.25', 'kg').value).toBe('1.250');
    expect(Quantity.of(2, 'l').value).toBe('2.000');
    expect(Quantity.of('250', 'g').value).toBe('250');
    expect(Quantity.of('0.5', { code: 'lb', scale: 2 }).value).toBe('0.50');
  });

  it('rejects a fraction of a whole unit', () => {
    expect(validationPaths(() => Quantity.of('1.5'))).toEqual(['quantity']);
    expect(validationPaths(() => Quantity.of('1.5', 'ml'))).toEqual(['quantity']);
  });

  it('rejects more decimals than the unit allows', () => {
    expect(validationPaths(() => Quantity.of('1.2345', 'kg'))).toEqual(['quantity']);
  });

  it('rejects fractional JS numbers and asks for a string', () => {
    try {
      Quantity.of(1.25, 'kg');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]).toMatchObject({ path: 'quantity' });
      expect((error as ValidationError).issues[0]?.message).toContain('string');
    }
  });

  it('rejects unknown units', () => {
    // @ts-expect-error not a built-in unit
    expect(validationPaths(() => Quantity.of(1, 'box'))).toEqual(['unit']);
    expect(validationPaths(() => Quantity.of(1, { code: 'lb', scale: 1.5 }))).toEqual(['unit.scale']);
  });

  it('allows negative values for signed ledger movements', () => {
    const q = Quantity.of('-0.5', 'kg');
    expect(q.value).toBe('-0.500');
    expect(q.isNegative()).toBe(true);
    expect(q.negate().value).toBe('0.500');
    expect(Quantity.of('-0', 'kg').value).toBe('0.000');
  });

  it('refuses values beyond 20 digits', () => {
    expect(validationPaths(() => Quantity.of('1'.padEnd(21, '0')))).toEqual(['quantity']);
    expect(Quantity.of('9'.repeat(20)).value).toBe('9'.repeat(20));
  });
});

describe('arithmetic and comparison', () => {
  it('adds and subtracts exactly', () => {
    expect(Quantity.of('0.1', 'kg').add(Quantity.of('0.2', 'kg')).value).toBe('0.300');
    expect(Quantity.of(2).subtract(Quantity.of(5)).value).toBe('-3');
  });

  it('refuses to mix units without conversion', () => {
    expect(validationPaths(() => Quantity.of(1, 'kg').add(Quantity.of(1, 'g')))).toEqual(['unit']);
    expect(validationPaths(() => Quantity.of(1, 'kg').compare(Quantity.of(1, 'l')))).toEqual(['unit']);
    expect(
      validationPaths(() => Quantity.of(1).subtract(Quantity.of(1, { code: 'each2', scale: 0 }))),
    ).toEqual(['unit']);
  });

  it('compares within one unit', () => {
    expect(Quantity.of('1', 'kg').compare(Quantity.of('1.000', 'kg'))).toBe(0);
    expect(Quantity.of('1', 'kg').compare(Quantity.of('1.001', 'kg'))).toBe(-1);
    expect(Quantity.of(3).compare(Quantity.of(2))).toBe(1);
    expect(Quantity.of(1, 'kg').equals(Quantity.of(1, 'l'))).toBe(false);
    expect(Quantity.zero('kg').isZero()).toBe(true);
    expect(Quantity.of(1).isPositive()).toBe(true);
  });

  it('add then subtract returns the original, and sums are exact', () => {
    const grams = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
    const kg = (n: bigint) => {
      const digits = (n < 0n ? -n : n).toString().padStart(4, '0');
      return `${n < 0n ? '-' : ''}${digits.slice(0, -3)}.${digits.slice(-3)}`;
    };
    fc.assert(
      fc.property(grams, grams, (a, b) => {
        const x = Quantity.of(kg(a), 'kg');
        const y = Quantity.of(kg(b), 'kg');
        expect(x.add(y).subtract(y).equals(x)).toBe(true);
        expect(x.add(y).value).toBe(kg(a + b));
      }),
    );
  });
});

describe('JSON', () => {
  it.each([
    [Quantity.of('1.25', 'kg'), { value: '1.250', unit: 'kg' }],
    [Quantity.of(3), { value: '3', unit: 'each' }],
    [Quantity.of('-2', 'ml'), { value: '-2', unit: 'ml' }],
    [Quantity.of('0.5', { code: 'lb', scale: 2 }), { value: '0.50', unit: { code: 'lb', scale: 2 } }],
  ])('%s serialises and round-trips', (quantity, json) => {
    expect(quantity.toJSON()).toEqual(json);
    expect(Quantity.fromJSON(JSON.parse(JSON.stringify(quantity))).equals(quantity)).toBe(true);
  });

  it('reads whole numbers and a missing unit as each', () => {
    expect(Quantity.fromJSON({ value: 4 }).toString()).toBe('4 each');
  });

  it('rejects invalid JSON naming the field', () => {
    expect(validationPaths(() => Quantity.fromJSON({ value: '1.5' }))).toEqual(['value']);
    expect(validationPaths(() => Quantity.fromJSON({ value: 1.5, unit: 'kg' }))).toEqual(['value']);
    expect(validationPaths(() => Quantity.fromJSON({ value: '1', unit: 'stone' }))).toEqual(['unit']);
  });
});
