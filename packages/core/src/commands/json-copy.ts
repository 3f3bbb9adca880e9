import type { JsonValue } from '../json.js';

// Past these the value is unusual (very deep, very large, or cyclic): let JSON handle it.
const MAX_DEPTH = 64;
const MAX_NODES = 10_000;

/** Thrown inside the copy to hand the whole value to a JSON round trip instead. */
const FALL_BACK: unique symbol = Symbol('json-copy.fall-back');

/**
 * A detached copy of `value` as a JSON round trip makes it: `undefined` becomes `null` at the top
 * and in arrays and disappears from objects, `-0` becomes `0`, prototypes are dropped. Plain data
 * (what commands return and what JSON.parse builds) is copied directly, sharing its strings;
 * anything JSON would transform (a `toJSON` method, a Date, a class instance, a bigint, NaN, a
 * cycle) sends the whole value through `JSON.parse(JSON.stringify(value))`, errors included.
 */
export function jsonCopy(value: unknown): JsonValue {
  if (value === undefined) return null;
  try {
    return copy(value, 0, { nodes: 0 }) as JsonValue;
  } catch (error) {
    if (error !== FALL_BACK) throw error;
    return JSON.parse(JSON.stringify(value)) as JsonValue;
  }
}

function copy(value: unknown, depth: number, budget: { nodes: number }): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw FALL_BACK;
    return value === 0 ? 0 : value;
  }
  if (typeof value !== 'object') throw FALL_BACK;
  budget.nodes += 1;
  if (depth > MAX_DEPTH || budget.nodes > MAX_NODES) throw FALL_BACK;
  // JSON.stringify calls toJSON wherever it is found, own or inherited.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') throw FALL_BACK;
  const prototype = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (prototype !== Array.prototype) throw FALL_BACK;
    const length = value.length;
    const items: unknown[] = new Array(length);
    for (let i = 0; i < length; i++) {
      const item = value[i];
      items[i] = item === undefined ? null : copy(item, depth + 1, budget);
    }
    return items;
  }
  if (prototype !== Object.prototype && prototype !== null) throw FALL_BACK;
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    // JSON.parse defines `__proto__` as an own property; assigning it would set the prototype.
    if (key === '__proto__') throw FALL_BACK;
    fields[key] = copy(field, depth + 1, budget);
  }
  return fields;
}
