import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonCopy } from './json-copy.js';

/** The JSON round trip jsonCopy stands for, with `undefined` as `null`. */
const roundTrip = (value: unknown): unknown =>
  value === undefined ? null : JSON.parse(JSON.stringify(value) as string);

/** The thrown error's class name, or 'no error'. */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).name;
  }
  return 'no error';
}

describe('jsonCopy', () => {
  it('returns what a JSON round trip returns, or throws what it throws (property)', () => {
    const value = fc.anything({
      withDate: true,
      withMap: true,
      withBigInt: true,
      withNullPrototype: true,
      withSparseArray: true,
      withBoxedValues: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(value, (input) => {
        const expectedError = errorOf(() => roundTrip(input));
        if (expectedError !== 'no error') {
          expect(errorOf(() => jsonCopy(input))).toBe(expectedError);
          return;
        }
        expect(jsonCopy(input)).toStrictEqual(roundTrip(input));
      }),
    );
  });

  it('drops undefined fields, nulls undefined items, and turns -0 into 0', () => {
    expect(jsonCopy({ a: undefined, b: [undefined, -0], c: -0 })).toStrictEqual({ b: [null, 0], c: 0 });
    expect(jsonCopy(undefined)).toBeNull();
  });

  it('honours toJSON, own or inherited, and drops functions', () => {
    const at = new Date('2025-03-01T10:00:00Z');
    expect(jsonCopy({ at, total: { toJSON: () => '12.30' }, skip: () => 1 })).toEqual({
      at: '2025-03-01T10:00:00.000Z',
      total: '12.30',
    });
  });

  it('keeps a __proto__ key as data, as JSON.parse does', () => {
    const input = JSON.parse('{"__proto__": {"admin": true}, "a": 1}') as object;
    const copy = jsonCopy(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
  });

  it('is detached: changing the copy leaves the source alone', () => {
    const source = { lines: [{ sku: 'A', quantity: 1 }] };
    const copy = jsonCopy(source) as typeof source;
    copy.lines[0]!.quantity = 9;
    expect(source.lines[0]!.quantity).toBe(1);
  });

  it('refuses a cycle like JSON does', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorOf(() => jsonCopy(cyclic))).toBe('TypeError');
  });
});
