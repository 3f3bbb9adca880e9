import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validationPaths } from '../../test/support/catch-error.js';
import { canonicalJson } from './canonical-json.js';
import { classNameOf } from './class-name-of.js';

/** The canonical form as first written (entries, fromEntries, then JSON.stringify): the oracle. */
function referenceCanonicalJson(value: unknown): string {
  const sortKeys = (item: unknown): unknown => {
    if (typeof item === 'bigint') return item.toString();
    if (item === null || typeof item !== 'object') return item;
    if (typeof (item as { toJSON?: unknown }).toJSON === 'function') {
      return sortKeys((item as { toJSON: () => unknown }).toJSON());
    }
    if (Array.isArray(item)) return item.map(sortKeys);
    if (classNameOf(item) !== undefined) throw new Error('refused');
    const entries: [string, unknown][] = [];
    for (const key of Object.keys(item).sort()) {
      const child = (item as Record<string, unknown>)[key];
      if (child !== undefined) entries.push([key, sortKeys(child)]);
    }
    return Object.fromEntries(entries);
  };
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

/** Rebuilds `value` with the keys of every object in another order, picked by `choices`. */
function reorderKeys(value: unknown, choices: readonly number[]): unknown {
  if (Array.isArray(value)) return value.map((item) => reorderKeys(item, choices));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const reordered: string[] = [];
  for (let i = 0; keys.length > 0; i++) {
    const [key] = keys.splice((choices[i % choices.length] ?? 0) % keys.length, 1);
    if (key !== undefined) reordered.push(key);
  }
  // fromEntries, not assignment, so an own `__proto__` key stays a key.
  return Object.fromEntries(
    reordered.map((key) => [key, reorderKeys((value as Record<string, unknown>)[key], choices)]),
  );
}

describe('canonicalJson', () => {
  it('sorts object keys at every depth, inside arrays too', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: 2 }], c: { f: true, e: null } } };
    expect(canonicalJson(value)).toBe('{"a":{"c":{"e":null,"f":true},"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ lines: ['b', 'a'] })).not.toBe(canonicalJson({ lines: ['a', 'b'] }));
  });

  it('honours toJSON, and sorts the keys of what it returns', () => {
    class Price {
      toJSON() {
        return { currency: 'EUR', amount: '1.50' };
      }
    }
    expect(canonicalJson({ at: new Date('2025-03-01T12:00:00Z'), price: new Price() })).toBe(
      '{"at":"2025-03-01T12:00:00.000Z","price":{"amount":"1.50","currency":"EUR"}}',
    );
  });

  it('drops undefined properties, so an absent field and an undefined one are the same request', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe(canonicalJson({ b: 1 }));
  });

  it('writes bigints as strings instead of throwing', () => {
    expect(canonicalJson({ units: 12345678901234567890n })).toBe('{"units":"12345678901234567890"}');
  });

  it('keeps an own "__proto__" key, so requests that differ only there do not collide', () => {
    const one = JSON.parse('{"__proto__":{"qty":1},"sku":"A"}') as unknown;
    const two = JSON.parse('{"__proto__":{"qty":2},"sku":"A"}') as unknown;
    expect(canonicalJson(one)).toBe('{"__proto__":{"qty":1},"sku":"A"}');
    expect(canonicalJson(one)).not.toBe(canonicalJson(two));
  });

  it('gives the same text whatever order the keys were written in (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (value, choices) => {
        expect(canonicalJson(reorderKeys(value, choices))).toBe(canonicalJson(value));
      }),
    );
  });

  it('loses nothing: it parses back to what JSON.stringify would give (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('canonicalJson matches the form every stored request hash was made with', () => {
  const key = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '0',
      '1',
      '9',
      '10',
      '01',
      '-1',
      '1e3',
      '4294967294',
      '4294967295',
      '__proto__',
      'toJSON',
    ),
  );
  const leaf = fc.oneof(
    fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true, withDate: true }),
    fc.constantFrom(undefined, -0, Number.NaN, Number.POSITIVE_INFINITY, Symbol('s'), () => 1),
    fc.constant({ toJSON: () => ({ b: 2, a: [1, { d: 4, c: 3 }] }) }),
    fc.constant({ toJSON: () => undefined }),
    fc.constant(Object.assign(() => 1, { toJSON: () => 'function with toJSON' })),
  );
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('tree'), { maxLength: 4 }),
    object: fc
      .array(fc.tuple(key, tie('tree')), { maxLength: 5 })
      .map((entries) => Object.fromEntries(entries) as unknown),
  }));

  it('writes the same text for any value, or refuses the same values (property)', () => {
    fc.assert(
      fc.property(tree, (value) => {
        let expected: string;
        try {
          expected = referenceCanonicalJson(value);
        } catch {
          expect(() => canonicalJson(value)).toThrow();
          return;
        }
        expect(canonicalJson(value)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('lists array-index keys first, in numeric order, as JSON.stringify of an object does', () => {
    expect(canonicalJson({ b: 1, 10: 'x', 9: 'y', '01': 'z', a: 2 })).toBe(
      '{"9":"y","10":"x","01":"z","a":2,"b":1}',
    );
  });
});

describe('canonicalJson refuses values without a faithful JSON form', () => {
  it('names the path of a Map, a Set or a class instance', () => {
    class Basket {
      items = 1;
    }
    expect(validationPaths(() => canonicalJson({ lines: [{ tags: new Set(['a']) }] }))).toEqual([
      'lines.0.tags',
    ]);
    expect(validationPaths(() => canonicalJson({ byStore: new Map([['s1', 1]]) }))).toEqual(['byStore']);
    expect(validationPaths(() => canonicalJson(new Basket()))).toEqual(['']);
  });

  it('still accepts objects without a prototype and values with toJSON', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 1, a: 2 });
    expect(canonicalJson({ bare, at: new Date('2025-01-01T00:00:00Z') })).toBe(
      '{"at":"2025-01-01T00:00:00.000Z","bare":{"a":2,"b":1}}',
    );
  });
});
