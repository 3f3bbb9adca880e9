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
  // One path stack for the whole walk, pushed and popped: it is only read to name a refused value.
  return JSON.stringify(sortKeys(value, [])) ?? 'null';
}

function sortKeys(value: unknown, path: (string | number)[]): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return sortKeys((value as { toJSON: () => unknown }).toJSON(), path);
  }
  if (Array.isArray(value)) {
    const items: unknown[] = new Array(value.length);
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      items[index] = sortKeys(value[index], path);
      path.pop();
    }
    return items;
  }
  const kind = classNameOf(value);
  if (kind !== undefined) {
    throw new ValidationError(
      [{ path: path.join('.'), message: `a ${kind} has no JSON form; use plain objects and arrays` }],
      { context: 'idempotent request' },
    );
  }
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) continue;
    path.push(key);
    const copy = sortKeys(child, path);
    path.pop();
    // Assigning `sorted.__proto__ = x` would set the prototype and drop the key, so requests
    // differing only under `__proto__` would hash alike: define that one as a property.
    if (key === '__proto__') Object.defineProperty(sorted, key, { value: copy, enumerable: true });
    else sorted[key] = copy;
  }
  return sorted;
}
