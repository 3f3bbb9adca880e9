import { deepFreeze } from './deep-freeze.js';

// Past these the value is unusual (very deep, very large, or cyclic): structuredClone handles it.
const MAX_DEPTH = 64;
const MAX_NODES = 10_000;

/** Thrown inside the copy to hand the whole value to structuredClone instead. */
const FALL_BACK: unique symbol = Symbol('frozen-copy.fall-back');

/**
 * A deep copy of `value`, frozen at every depth: what `deepFreeze(structuredClone(value))` returns,
 * in one pass and without serialising. Rows and events are plain data (primitives, plain objects,
 * arrays, Dates), which are copied directly; anything else (a Map, a class instance, a sparse
 * array, a cycle, a function that structuredClone refuses) sends the whole value to
 * structuredClone, so such values keep exactly its behaviour, errors included.
 */
export function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return copyLeaf(value);
  try {
    return copy(value, 0, { nodes: 0 }) as T;
  } catch (error) {
    if (error !== FALL_BACK) throw error;
    return deepFreeze(structuredClone(value));
  }
}

/**
 * `frozenCopy({ ...value, ...extra })` without building the spread first. V8 gives an object made
 * by a spread and then extended with new keys a map of its own, so every stored row would carry
 * one: slow to build and to collect.
 */
export function frozenCopyWith<T extends object, E extends object>(value: T, extra: E): T & E {
  try {
    const budget = { nodes: 0 };
    const prototype = Object.getPrototypeOf(value);
    if (Array.isArray(value) || (prototype !== Object.prototype && prototype !== null)) throw FALL_BACK;
    const out: Record<string, unknown> = {};
    copyFields(value, out, 0, budget);
    copyFields(extra, out, 0, budget);
    return Object.freeze(out) as T & E;
  } catch (error) {
    if (error !== FALL_BACK) throw error;
    return deepFreeze(structuredClone({ ...value, ...extra }));
  }
}

function copyLeaf<T>(value: T): T {
  // structuredClone refuses functions and symbols; keep its error.
  if (typeof value === 'function' || typeof value === 'symbol') return structuredClone(value);
  return value;
}

function copy(value: unknown, depth: number, budget: { nodes: number }): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') throw FALL_BACK;
    return value;
  }
  budget.nodes += 1;
  if (depth > MAX_DEPTH || budget.nodes > MAX_NODES) throw FALL_BACK;
  if (Array.isArray(value)) {
    const length = value.length;
    // Holes and extra named properties are kept by structuredClone, not by an index copy.
    if (Object.getPrototypeOf(value) !== Array.prototype || Object.keys(value).length !== length) {
      throw FALL_BACK;
    }
    const out: unknown[] = new Array(length);
    for (let i = 0; i < length; i++) {
      if (!(i in value)) throw FALL_BACK;
      out[i] = copy(value[i], depth + 1, budget);
    }
    return Object.freeze(out);
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    const out: Record<string, unknown> = {};
    copyFields(value, out, depth, budget);
    return Object.freeze(out);
  }
  if (prototype === Date.prototype) return Object.freeze(new Date(timeOf(value)));
  throw FALL_BACK;
}

/** The time of a Date; an object that only borrowed Date's prototype has none. */
function timeOf(value: object): number {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    throw FALL_BACK;
  }
}

/** Copies the own enumerable fields of `value` into `out`, as a spread would. */
function copyFields(
  value: object,
  out: Record<string, unknown>,
  depth: number,
  budget: { nodes: number },
): void {
  for (const key of Object.keys(value)) {
    // Assigning `__proto__` would set the copy's prototype instead of a property.
    if (key === '__proto__') throw FALL_BACK;
    out[key] = copy((value as Record<string, unknown>)[key], depth + 1, budget);
  }
}
