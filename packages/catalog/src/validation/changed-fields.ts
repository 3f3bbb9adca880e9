import { canonicalJson } from '@retailkit/core';

const BOOKKEEPING = new Set(['version', 'updatedAt']);

/**
 * The names of the fields whose values differ between two versions of a record, sorted; the
 * version and `updatedAt` are left out. Key order inside values does not count as a change.
 */
export function changedFields<T extends object>(before: T, after: T): string[] {
  const was = before as Readonly<Record<string, unknown>>;
  const is = after as Readonly<Record<string, unknown>>;
  return Object.keys(is)
    .filter((key) => !BOOKKEEPING.has(key) && canonicalJson(was[key]) !== canonicalJson(is[key]))
    .sort();
}
