import { type Expression, type SqlBool, sql } from 'kysely';
import type { SqlFamily } from '../dialect/sql-family.js';

/** A LIKE pattern matching `text` literally, for `escape '!'`: `!`, `%` and `_` get a `!` in front. */
export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (char) => `!${char}`);
}

/**
 * The least string, in code point order, greater than every string that starts with `prefix`:
 * its last code point below U+10FFFF, plus one (skipping the surrogate range), with what follows
 * it dropped. Undefined when there is none (every code point is U+10FFFF, or the prefix is empty).
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const points = Array.from(prefix, (char) => char.codePointAt(0) as number);
  while (points.length > 0) {
    const last = points.pop() as number;
    if (last < 0x10ffff) {
      points.push(last + 1 === 0xd800 ? 0xe000 : last + 1);
      return String.fromCodePoint(...points);
    }
  }
  return undefined;
}

/** How many characters (code points) `text` has, as SQL's `length` and `substr` count them. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * `column` starts with `prefix`, exactly (case and accents count, wildcards are literal), in a form
 * an index on the column serves: `LIKE 'prefix%' escape '!'` on PostgreSQL (a "C" collation) and
 * MySQL (a binary one); on SQLite, whose LIKE ignores ASCII case, the range
 * `column >= prefix and column < upper bound` (SQLite compares text as UTF-8 bytes, which is code
 * point order).
 */
export function startsWith(family: SqlFamily, column: string, prefix: string): Expression<SqlBool> {
  const ref = sql.ref(column);
  if (family !== 'sqlite') return sql<SqlBool>`${ref} like ${`${escapeLike(prefix)}%`} escape '!'`;
  const upper = prefixUpperBound(prefix);
  return upper === undefined
    ? sql<SqlBool>`${ref} >= ${prefix}`
    : sql<SqlBool>`(${ref} >= ${prefix} and ${ref} < ${upper})`;
}
