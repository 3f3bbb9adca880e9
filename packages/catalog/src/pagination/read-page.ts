import type { Page } from './page.js';
import { encodePageCursor } from './page-cursor.js';
import type { PageKey } from './page-key.js';

/**
 * Reads one page through a repository search that returns at most `limit` records after a key:
 * it asks for one record more than the page holds, to know whether another page follows.
 */
export async function readPage<T>(
  limit: number,
  after: PageKey | undefined,
  search: (page: { readonly limit: number; readonly after?: PageKey }) => Promise<readonly T[]>,
  keyOf: (record: T) => PageKey,
): Promise<Page<T>> {
  const rows = await search(after === undefined ? { limit: limit + 1 } : { limit: limit + 1, after });
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1] as T;
  return { items, nextCursor: encodePageCursor(keyOf(last)) };
}
