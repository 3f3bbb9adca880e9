import { ValidationError } from '../errors/error-classes.js';
import { classNameOf } from './class-name-of.js';

/**
 * Serialises a value as JSON with object keys sorted at every depth, so equal requests hash equally
 * whatever order their fields were written in. `toJSON()` is honoured (Money, Date). A value with
 * no faithful JSON form (a Map, a Set, a class instance without `toJSON`) is refused with a
 * ValidationError naming its path, because it would hash like `{}` and let different requests
 * share an idempotency key.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, [])) ?? 'null';
}

function sortKeys(value: unknown, path: readonly (string | number)[]): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return sortKeys((value as { toJSON: () => unknown }).toJSON(), path);
  }
  if (Array.isArray(value)) return value.map((item, index) => sortKeys(item, [...path, index]));
  const kind = classNameOf(value);
  if (kind !== undefined) {
    throw new ValidationError(
      [{ path: path.join('.'), message: `a ${kind} has no JSON form; use plain objects and arrays` }],
      { context: 'idempotent request' },
    );
  }
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) entries.push([key, sortKeys(child, [...path, key])]);
  }
  // fromEntries defines properties: assigning `sorted.__proto__ = x` would set the prototype and
  // drop the key, so requests differing only under `__proto__` would hash alike.
  return Object.fromEntries(entries);
}
