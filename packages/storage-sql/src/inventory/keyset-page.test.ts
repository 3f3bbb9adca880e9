import { validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { checkLimit, decodeCursor, pageOf } from './keyset-page.js';

describe('keyset pages', () => {
  it('decodes the JSON of a sort key, part by part', () => {
    expect(decodeCursor('["a","b"]', ['key', 'key'])).toEqual(['a', 'b']);
    expect(decodeCursor('["2025-03-01T12:00:00.000Z","m1"]', ['instant', 'key'])).toEqual([
      '2025-03-01T12:00:00.000Z',
      'm1',
    ]);
    // SQLite and MySQL keys may hold NUL; PostgreSQL's cannot.
    expect(decodeCursor('["a\\u0000b"]', ['key'], true)).toEqual(['a\u0000b']);
  });

  it('refuses a cursor that does not decode, on `after`, before any SQL runs', () => {
    const bad: [string, ('key' | 'instant')[]][] = [
      ['not json', ['key']],
      ['{"id":"a"}', ['key']],
      ['[]', ['key']],
      ['["a","b"]', ['key']],
      ['[1]', ['key']],
      ['[null]', ['key']],
      ['["a\\u0000"]', ['key']],
      ['["2025-03-01","m1"]', ['instant', 'key']],
      ['["2025-02-30T12:00:00.000Z","m1"]', ['instant', 'key']],
      ['["2025-03-01T12:00:00Z","m1"]', ['instant', 'key']],
      ['["\'; drop table x; --","m1"]', ['instant', 'key']],
    ];
    for (const [cursor, parts] of bad) {
      expect(
        validationPaths(() => decodeCursor(cursor, parts)),
        cursor,
      ).toEqual(['after']);
    }
  });

  it('takes limits from 1 to 1000 only', () => {
    for (const limit of [0, -1, 1001, 1.5, Number.NaN]) {
      expect(
        validationPaths(() => checkLimit({ limit })),
        String(limit),
      ).toEqual(['limit']);
    }
    expect(() => checkLimit({ limit: 1 })).not.toThrow();
    expect(() => checkLimit({ limit: 1000 })).not.toThrow();
  });

  it('keeps `limit` rows and points the cursor at the last one when there are more', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const keyOf = (row: { id: string }) => [row.id];
    expect(pageOf(rows, 2, (row) => row, keyOf)).toEqual({ items: rows.slice(0, 2), nextCursor: '["b"]' });
    expect(pageOf(rows, 3, (row) => row, keyOf)).toEqual({ items: rows, nextCursor: null });
  });
});
