import { describe, expect, it } from 'vitest';
import { Quantity } from './quantity.js';
import { positiveQuantitySchema, quantitySchema } from './quantity-schema.js';
import { unitOfMeasureSchema } from './unit-of-measure.js';

describe('quantity schemas', () => {
  it('quantitySchema turns input into a Quantity and allows negatives', () => {
    const q = quantitySchema.parse({ value: '-1.5', unit: 'kg' });
    expect(q).toBeInstanceOf(Quantity);
    expect(q.toString()).toBe('-1.500 kg');
  });

  it('positiveQuantitySchema refuses zero and negatives on path value', () => {
    expect(positiveQuantitySchema.parse({ value: 2 }).toString()).toBe('2 each');
    for (const value of ['0', '-1']) {
      const result = positiveQuantitySchema.safeParse({ value });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['value']);
    }
  });

  it('reports a fractional each and too many decimals on path value', () => {
    for (const input of [{ value: '1.5' }, { value: '1.0001', unit: 'kg' }, { value: 0.5 }]) {
      const result = quantitySchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path)).toEqual([['value']]);
    }
  });
});

describe('unitOfMeasureSchema', () => {
  it('accepts built-in codes and custom units', () => {
    expect(unitOfMeasureSchema.parse('kg')).toBe('kg');
    expect(unitOfMeasureSchema.parse({ code: 'lb', scale: 2 })).toEqual({ code: 'lb', scale: 2 });
  });

  it('rejects unknown codes, bad scales and a built-in code redefined with another scale', () => {
    for (const input of [
      'box',
      { code: 'lb', scale: -1 },
      { code: 'lb', scale: 10 },
      { code: 'kg', scale: 2 },
      { code: 'a b', scale: 0 },
    ]) {
      expect(unitOfMeasureSchema.safeParse(input).success).toBe(false);
    }
  });
});
