import { ValidationError } from '../errors/error-classes.js';
import { classNameOf } from './class-name-of.js';

/** Thrown inside the direct writer for what only the sorted-copy path reproduces exactly. */
const FALL_BACK: unique symbol = Symbol('canonical-json.fall-back');

/**
 * Serialises a value as JSON with object keys sorted at every depth, so equal requests hash equally
 * whatever order their fields were written in. `toJSON()` is honoured (Money, Date). A value with
 * no faithful JSON form (a Map, a Set, a class instance without `toJSON`) is refused with a
 * ValidationError naming its path, because it would hash like `{}` and let different requests
 * share an idempotency key.
 */
export function canonicalJson(value: unknown): string {
  // The text is written directly, without building a sorted copy for JSON.stringify: every
  // idempotent command hashes its input. The copy remains the definition, and the fallback.
  try {
    return write(value, []) ?? 'null';
  } catch (error) {
    if (error !== FALL_BACK) throw error;
    return JSON.stringify(sortedCopy(value, [])) ?? 'null';
  }
}

/** What `JSON.stringify(sortedCopy(value))` writes for `value`; undefined where it writes nothing. */
function write(value: unknown, path: (string | number)[]): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'number':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'object':
      break;
    case 'function':
      // JSON.stringify would call a function's own toJSON, with arguments sortedCopy never passes.
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') throw FALL_BACK;
      return undefined;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return write((value as { toJSON: () => unknown }).toJSON(), path);
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      text += `${index === 0 ? '' : ','}${write(value[index], path) ?? 'null'}`;
      path.pop();
    }
    return `${text}]`;
  }
  refuseClassInstance(value, path);
  let text = '{';
  let first = true;
  for (const key of inPropertyOrder(Object.keys(value).sort())) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) continue;
    path.push(key);
    const json = write(child, path);
    path.pop();
    if (json === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:${json}`;
    first = false;
  }
  return `${text}}`;
}

/**
 * The order in which an object built by adding `sortedKeys` one by one lists them: array-index keys
 * ("0", "7", "10") first in numeric order, then the others as added.
 */
function inPropertyOrder(sortedKeys: string[]): readonly string[] {
  const indexes = sortedKeys.filter(isArrayIndex);
  if (indexes.length === 0) return sortedKeys;
  indexes.sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...sortedKeys.filter((key) => !isArrayIndex(key))];
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) <= 4_294_967_294;
}

function refuseClassInstance(value: object, path: readonly (string | number)[]): void {
  const kind = classNameOf(value);
  if (kind !== undefined) {
    throw new ValidationError(
      [{ path: path.join('.'), message: `a ${kind} has no JSON form; use plain objects and arrays` }],
      { context: 'idempotent request' },
    );
  }
}

/** `value` rebuilt with sorted keys, for JSON.stringify: the definition of the canonical form. */
function sortedCopy(value: unknown, path: (string | number)[]): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return sortedCopy((value as { toJSON: () => unknown }).toJSON(), path);
  }
  if (Array.isArray(value)) {
    const items: unknown[] = new Array(value.length);
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      items[index] = sortedCopy(value[index], path);
      path.pop();
    }
    return items;
  }
  refuseClassInstance(value, path);
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) continue;
    path.push(key);
    const copy = sortedCopy(child, path);
    path.pop();
    // Assigning `sorted.__proto__ = x` would set the prototype and drop the key, so requests
    // differing only under `__proto__` would hash alike: define that one as a property.
    if (key === '__proto__') Object.defineProperty(sorted, key, { value: copy, enumerable: true });
    else sorted[key] = copy;
  }
  return sorted;
}
