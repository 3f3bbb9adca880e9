import { type Kysely, MysqlAdapter, PostgresAdapter, SqliteAdapter } from 'kysely';

/**
 * The SQL engines the adapter speaks: `postgres` (PostgreSQL, PGlite and PostgreSQL-compatible
 * engines), `sqlite` (better-sqlite3) and `mysql` (MySQL 8 and MariaDB 10.6+).
 */
export type SqlFamily = 'postgres' | 'sqlite' | 'mysql';

/** The family of a Kysely instance, read off its dialect's adapter; undefined when unknown. */
export function detectSqlFamily<DB>(db: Kysely<DB>): SqlFamily | undefined {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof MysqlAdapter) return 'mysql';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  return undefined;
}
