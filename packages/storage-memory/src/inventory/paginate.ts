import { ValidationError } from '@retailkit/core';
import type { Page, PageRequest } from '@retailkit/inventory';

/** A listing's sort key: the row's values in sort order, compared left to right. */
export type SortKey = readonly string[];

// Plain code-unit order (not locale order), so pages are stable whatever the runtime's locale.
function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function badCursor(): ValidationError {
  return new ValidationError([{ path: 'after', message: 'Not a cursor of this listing' }], {
    context: 'page request',
  });
}

function decodeCursor(cursor: string): SortKey {
  let key: unknown;
  try {
    key = JSON.parse(cursor);
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(key) || key.length === 0 || !key.every((part) => typeof part === 'string'))
    throw badCursor();
  return key;
}

/**
 * One page of `rows` (any order, already filtered) in the order of `keyOf`, starting strictly after
 * the cursor's key. The cursor is the JSON of the last row's key, so a page boundary stays put when
 * rows are inserted or deleted between pages: no row is returned twice, and every row that exists
 * throughout is returned once. Keys must be unique within a listing. `descending` lists the greatest
 * key first (newest-first listings), the cursor then leading to smaller keys.
 */
export function paginate<T>(
  rows: Iterable<T>,
  keyOf: (row: T) => SortKey,
  page: PageRequest,
  descending = false,
): Page<T> {
  const { limit, after } = page;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new ValidationError([{ path: 'limit', message: 'Must be a whole number from 1 to 1000' }], {
      context: 'page request',
    });
  }
  const start = after === undefined ? undefined : decodeCursor(after);
  const order = descending ? (a: SortKey, b: SortKey) => compareKeys(b, a) : compareKeys;
  const keyed: { readonly key: SortKey; readonly row: T }[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    if (start !== undefined) {
      if (key.length !== start.length) throw badCursor();
      if (order(key, start) <= 0) continue;
    }
    keyed.push({ key, row });
  }
  keyed.sort((a, b) => order(a.key, b.key));
  const items = keyed.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((entry) => entry.row),
    nextCursor: keyed.length > limit && last ? JSON.stringify(last.key) : null,
  };
}
