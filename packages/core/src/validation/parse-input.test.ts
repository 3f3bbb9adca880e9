import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isRetailKitError } from '../errors/retailkit-error.js';
import { parseInput } from './parse-input.js';

const schema = z.object({
  storeId: z.string().min(1),
  lines: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() })).min(1),
});

describe('parseInput', () => {
  it('returns the parsed value for valid input', () => {
    expect(parseInput(schema, { storeId: 's1', lines: [{ sku: 'A', quantity: 2 }] })).toEqual({
      storeId: 's1',
      lines: [{ sku: 'A', quantity: 2 }],
    });
  });

  it('throws a ValidationError naming every failing field path', () => {
    let caught: unknown;
    try {
      parseInput(
        schema,
        {
          storeId: '',
          lines: [
            { sku: 'A', quantity: 1.5 },
            { sku: '', quantity: 1 },
          ],
        },
        'order',
      );
    } catch (error) {
      caught = error;
    }
    expect(isRetailKitError(caught, 'VALIDATION_FAILED')).toBe(true);
    const paths = (caught as { issues: { path: string }[] }).issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(['lines.0.quantity', 'lines.1.sku', 'storeId']);
    expect((caught as Error).message).toMatch(/^Invalid order: /);
  });
});
