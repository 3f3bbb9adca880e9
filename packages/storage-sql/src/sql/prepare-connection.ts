import { RetailKitError } from '@retailkit/core';
import { type Kysely, sql } from 'kysely';
import type { SqlFamily } from '../dialect/sql-family.js';
import { sqlValues } from './sql-values.js';

const PROBE = '2000-01-02T03:04:05.678Z';

/**
 * Checks and sets what the adapter relies on before the first transaction: on MySQL, that the
 * driver reads DATETIME values as UTC (mysql2's `timezone: 'Z'`, or `dateStrings: true`), since a
 * local-time reading would shift every instant, and that the session's SQL mode is strict (a
 * too-long key or an out-of-range decimal fails instead of being cut silently) without
 * `NO_BACKSLASH_ESCAPES` (mysql2 escapes backslashes in the parameters it inlines, which that mode
 * would store doubled); on SQLite, a busy timeout so another process's write lock is waited for
 * before SQLITE_BUSY is reported (and retried).
 */
export async function prepareConnection<DB>(db: Kysely<DB>, family: SqlFamily): Promise<void> {
  if (family === 'sqlite') {
    await sql`pragma busy_timeout = 5000`.execute(db);
    return;
  }
  if (family !== 'mysql') return;
  const values = sqlValues('mysql');
  const { rows } = await sql<{
    t: unknown;
    mode: unknown;
  }>`select cast(${values.instant(PROBE)} as datetime(3)) as t, @@session.sql_mode as mode`.execute(db);
  const read = values.readInstant(rows[0]?.t);
  if (read !== PROBE) {
    throw new RetailKitError(
      'INTERNAL',
      `The MySQL driver reads DATETIME ${PROBE} as ${read}: create the mysql2 pool with timezone: 'Z' (or dateStrings: true) so instants stay in UTC`,
      { details: { expected: PROBE, read } },
    );
  }
  const mode = String(rows[0]?.mode ?? '')
    .toUpperCase()
    .split(',');
  const strict = mode.includes('STRICT_TRANS_TABLES') || mode.includes('STRICT_ALL_TABLES');
  if (!strict || mode.includes('NO_BACKSLASH_ESCAPES')) {
    throw new RetailKitError(
      'INTERNAL',
      `The MySQL session's sql_mode is '${mode.join(',')}': retailkit needs STRICT_TRANS_TABLES (so values too long or out of range fail instead of being cut) and no NO_BACKSLASH_ESCAPES (mysql2 escapes backslashes in parameters)`,
      { details: { sqlMode: mode.join(',') } },
    );
  }
}
