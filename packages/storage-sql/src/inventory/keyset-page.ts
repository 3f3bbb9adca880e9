import { ValidationError } from '@retailkit/core';
import type { Page, PageRequest } from '@retailkit/inventory';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

/** What one part of a listing's sort key holds: a key (text) or an ISO-8601 UTC instant. */
export type CursorPart = 'key' | 'instant';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function badCursor(): ValidationError {
  return new ValidationError([{ path: 'after', message: 'Not a cursor of this listing' }], {
    context: 'page request',
  });
}

function isInstant(text: string): boolean {
  if (!ISO_INSTANT.test(text)) return false;
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString() === text;
}

/** Throws the page request's ValidationError unless `limit` is a whole number from 1 to 1000. */
export function checkLimit(page: PageRequest): void {
  const { limit } = page;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new ValidationError([{ path: 'limit', message: 'Must be a whole number from 1 to 1000' }], {
      context: 'page request',
    });
  }
}

/**
 * The sort key a cursor holds (the JSON array of the last row's key, as the in-memory adapter
 * writes it), checked part by part so that no malformed value ever reaches the database: a
 * cursor that does not decode is the page request's ValidationError on `after`. A key holding
 * NUL is refused unless `nulInKeys` (SQLite and MySQL store such keys; PostgreSQL text cannot,
 * and would fail the statement and with it the transaction).
 */
export function decodeCursor(after: string, parts: readonly CursorPart[], nulInKeys = false): string[] {
  let key: unknown;
  try {
    key = JSON.parse(after);
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(key) || key.length !== parts.length) throw badCursor();
  for (const [index, part] of parts.entries()) {
    const value: unknown = key[index];
    if (typeof value !== 'string' || (!nulInKeys && value.includes('\u0000'))) throw badCursor();
    if (part === 'instant' && !isInstant(value)) throw badCursor();
  }
  return key as string[];
}

/**
 * The keyset predicate "the row's key is after `values`", in the portable expanded form
 * `(a > ?) or (a = ? and b > ?) …` over `columns` (unqualified column names), led by `a >= ?`
 * so that an index on the sort key is read as a range. A `descending` listing is after `values`
 * when its key is smaller: `<` and `<=` instead.
 */
export function keysetAfter(
  columns: readonly string[],
  values: readonly unknown[],
  descending = false,
): RawBuilder<SqlBool> {
  const beyond = descending ? sql`<` : sql`>`;
  const alternatives: RawBuilder<unknown>[] = [];
  for (let i = 0; i < columns.length; i++) {
    const terms: RawBuilder<unknown>[] = [];
    for (let j = 0; j < i; j++) terms.push(sql`${sql.ref(columns[j] as string)} = ${values[j]}`);
    terms.push(sql`${sql.ref(columns[i] as string)} ${beyond} ${values[i]}`);
    alternatives.push(sql`(${sql.join(terms, sql` and `)})`);
  }
  const either = sql`(${sql.join(alternatives, sql` or `)})`;
  if (columns.length === 1) return sql<SqlBool>`${either}`;
  const reaching = descending ? sql`<=` : sql`>=`;
  return sql<SqlBool>`(${sql.ref(columns[0] as string)} ${reaching} ${values[0]} and ${either})`;
}

/**
 * A page from up to `limit + 1` rows read in listing order: the first `limit` mapped to records,
 * and a cursor (the JSON of the last record's sort key) when there were more.
 */
export function pageOf<R, T>(
  rows: readonly R[],
  limit: number,
  toRecord: (row: R) => T,
  keyOf: (record: T) => readonly string[],
): Page<T> {
  const items = (rows.length > limit ? rows.slice(0, limit) : rows).map(toRecord);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? JSON.stringify(keyOf(last)) : null,
  };
}

/** The empty last page. */
export const EMPTY_PAGE: Page<never> = Object.freeze({ items: Object.freeze([]), nextCursor: null });
