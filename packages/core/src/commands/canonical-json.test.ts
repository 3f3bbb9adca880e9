import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validationPaths } from '../../test/support/catch-error.js';
import { canonicalJson } from './canonical-json.js';

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
