import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze.js';
import { frozenCopy, frozenCopyWith } from './frozen-copy.js';

/** What the adapter stored before frozenCopy existed. */
const reference = <T>(value: T): T => deepFreeze(structuredClone(value));

/** Every object reachable from `value` is frozen, and none of them is reachable from `source`. */
function expectDetachedAndFrozen(copy: unknown, source: unknown): void {
  const sourceObjects = new Set<unknown>();
  const collect = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || sourceObjects.has(value)) return;
    sourceObjects.add(value);
    for (const child of Object.values(value)) collect(child);
  };
  collect(source);
  const check = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    expect(Object.isFrozen(value)).toBe(true);
    expect(sourceObjects.has(value)).toBe(false);
    for (const child of Object.values(value)) check(child);
  };
  check(copy);
}

// Values structuredClone can copy and deepFreeze can freeze (typed arrays with elements cannot be
// frozen, by either).
const cloneable = fc.anything({
  withDate: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withNullPrototype: true,
  withSparseArray: true,
  withBoxedValues: true,
  withObjectString: true,
});

describe('frozenCopy', () => {
  it('returns what deepFreeze(structuredClone(value)) returns, detached and frozen (property)', () => {
    fc.assert(
      fc.property(cloneable, (value) => {
        const copy = frozenCopy(value);
        expect(copy).toStrictEqual(reference(value));
        expectDetachedAndFrozen(copy, value);
      }),
    );
  });

  it('copies Dates as frozen Dates of the same instant', () => {
    const at = new Date('2025-03-01T10:00:00Z');
    const copy = frozenCopy({ at });
    expect(copy.at).toBeInstanceOf(Date);
    expect(copy.at).not.toBe(at);
    expect(copy.at.getTime()).toBe(at.getTime());
    expect(Object.isFrozen(copy.at)).toBe(true);
  });

  it('keeps structuredClone behaviour for what plain copying would change', () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const withExtra = Object.assign([1, 2], { label: 'kept' });
    const impostor = Object.create(Date.prototype) as object;
    const withProtoKey = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
    for (const value of [
      { point: new Point(1, 2) },
      { lines: new Map([['a', 1]]) },
      // biome-ignore lint/suspicious/noSparseArray: a hole is the case under test
      [1, , 3],
      withExtra,
      impostor,
      withProtoKey,
    ]) {
      expect(frozenCopy(value)).toStrictEqual(reference(value));
    }
    const copied = frozenCopy(cyclic);
    expect(copied.self).toBe(copied);
    expect(Object.isFrozen(copied)).toBe(true);
  });

  it('copies deep and wide values, through structuredClone past its limits', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 200; i++) deep = { next: deep };
    const wide = { items: Array.from({ length: 10_500 }, (_, i) => ({ i })) };
    for (const value of [deep, wide]) {
      const copy = frozenCopy(value);
      expect(copy).toStrictEqual(value);
      expectDetachedAndFrozen(copy, value);
    }
  });

  it('refuses what structuredClone refuses, with its error', () => {
    const errorOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as Error).name;
      }
      return 'no error';
    };
    for (const value of [() => 1, Symbol('s'), { nested: { fn: () => 1 } }, [Symbol('s')]]) {
      expect(errorOf(() => frozenCopy(value))).toBe('DataCloneError');
      expect(errorOf(() => reference(value))).toBe('DataCloneError');
    }
  });
});

describe('frozenCopyWith', () => {
  it('is frozenCopy of the spread of both, extra fields last and overriding (property)', () => {
    const record = fc.dictionary(fc.string(), cloneable);
    fc.assert(
      fc.property(record, record, (value, extra) => {
        const copy = frozenCopyWith(value, extra);
        const expected = reference({ ...value, ...extra });
        expect(copy).toStrictEqual(expected);
        expect(Object.keys(copy)).toEqual(Object.keys(expected));
        expectDetachedAndFrozen(copy, [value, extra]);
      }),
    );
  });

  it('copies a class instance the way the spread would, as a plain object', () => {
    class Event {
      readonly id = 'e1';
    }
    expect(frozenCopyWith(new Event(), { position: 1 })).toStrictEqual({ id: 'e1', position: 1 });
  });
});
