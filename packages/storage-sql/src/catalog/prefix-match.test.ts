import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, escapeLike, prefixUpperBound } from './prefix-match.js';

/** Code point order, as the engines compare keys (UTF-8 bytes). */
function compare(a: string, b: string): number {
  const x = Array.from(a, (char) => char.codePointAt(0) as number);
  const y = Array.from(b, (char) => char.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

describe('prefix matching', () => {
  it('escapes the LIKE wildcards and the escape character itself', () => {
    expect(escapeLike('100%_!\\x')).toBe('100!%!_!!\\x');
  });

  it('bounds a prefix by its last code point plus one', () => {
    expect(prefixUpperBound('abc')).toBe('abd');
    expect(prefixUpperBound('a😀')).toBe('a😁');
    expect(prefixUpperBound('\uffff')).toBe('\u{10000}');
    expect(prefixUpperBound('\ud7ff')).toBe('\ue000');
    expect(prefixUpperBound('a\u{10ffff}\u{10ffff}')).toBe('b');
    expect(prefixUpperBound('\u{10ffff}')).toBeUndefined();
    expect(prefixUpperBound('')).toBeUndefined();
  });

  it('counts code points as SQL counts characters', () => {
    expect(codePointLength('a😀é')).toBe(3);
  });

  it('[prefix, upper bound) holds exactly the strings starting with the prefix (property)', () => {
    const text = fc.string({ unit: 'grapheme-composite', maxLength: 6 });
    const edgy = fc.array(
      fc.constantFrom('a', 'b', '\ud7ff', '\ue000', '\uffff', '\u{10000}', '\u{10ffff}'),
      {
        maxLength: 4,
      },
    );
    const prefixAndText = fc.oneof(
      fc.tuple(text, text),
      fc.tuple(edgy, edgy).map(([p, s]) => [p.join(''), p.join('') + s.join('')] as const),
      fc.tuple(edgy, edgy).map(([p, s]) => [p.join(''), s.join('')] as const),
    );
    fc.assert(
      fc.property(prefixAndText, ([prefix, value]) => {
        const upper = prefixUpperBound(prefix);
        const inRange = compare(value, prefix) >= 0 && (upper === undefined || compare(value, upper) < 0);
        expect(inRange).toBe(value.startsWith(prefix));
      }),
      { numRuns: 2000 },
    );
  });
});
