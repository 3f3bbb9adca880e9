import {
  Kysely,
  MysqlDialect,
  type MysqlPool,
  PostgresDialect,
  type PostgresPool,
  type SqliteDatabase,
  SqliteDialect,
} from 'kysely';
import { createSqlStorage, type SqlStorage, type SqlStorageOptions } from './create-sql-storage.js';
import { PGliteDialect, type PGliteLike } from './dialect/pglite-dialect.js';
import type { Database } from './schema/database.js';

/** Options every constructor shares with {@link createSqlStorage}, but the Kysely instance. */
export type SqlStorageSettings = Omit<SqlStorageOptions<unknown>, 'db' | 'family'>;

/**
 * The SQL adapter on PostgreSQL through a `pg` pool (`new pg.Pool({ connectionString })`).
 * `close()` ends the pool unless `destroyOnClose` is false.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const storage = createPostgresStorage({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 16 }) });
 * ```
 */
export function createPostgresStorage(
  options: SqlStorageSettings & { readonly pool: PostgresPool },
): SqlStorage {
  const { pool, ...settings } = options;
  return createSqlStorage({
    ...settings,
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
  });
}

/**
 * The SQL adapter on embedded PGlite (PostgreSQL in WebAssembly, no server): data in `dataDir`
 * (a folder, created if missing), or in memory when it is omitted; or pass your own `pglite`
 * instance (which `close()` then leaves open). `@electric-sql/pglite` is loaded on first use.
 *
 * @example
 * ```ts
 * const storage = createPGliteStorage({ dataDir: '.retailkit-data' });
 * ```
 */
export function createPGliteStorage(
  options: SqlStorageSettings & { readonly dataDir?: string; readonly pglite?: PGliteLike } = {},
): SqlStorage {
  const { dataDir, pglite, ...settings } = options;
  const dialect = pglite
    ? new PGliteDialect({ pglite, closeOnDestroy: false })
    : new PGliteDialect({
        pglite: async () => {
          const { PGlite } = await import('@electric-sql/pglite');
          return PGlite.create(dataDir);
        },
      });
  return createSqlStorage({ ...settings, db: new Kysely<Database>({ dialect }) });
}

/**
 * The SQL adapter on SQLite through a better-sqlite3 database (`new Database('shop.db')`).
 * Writes are serialised by SQLite's single writer. `close()` closes the database unless
 * `destroyOnClose` is false.
 *
 * @example
 * ```ts
 * import Database from 'better-sqlite3';
 * const storage = createSqliteStorage({ database: new Database('shop.db') });
 * ```
 */
export function createSqliteStorage(
  options: SqlStorageSettings & { readonly database: SqliteDatabase | (() => Promise<SqliteDatabase>) },
): SqlStorage {
  const { database, ...settings } = options;
  return createSqlStorage({
    ...settings,
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }),
  });
}

/**
 * The SQL adapter on MySQL 8 or MariaDB 10.6+ through a mysql2 pool, which must read DATETIME as
 * UTC: `mysql.createPool({ uri, timezone: 'Z' })` (checked on first use). `close()` ends the pool
 * unless `destroyOnClose` is false.
 *
 * @example
 * ```ts
 * import mysql from 'mysql2';
 * const storage = createMysqlStorage({ pool: mysql.createPool({ uri: process.env.MYSQL_URL, timezone: 'Z', connectionLimit: 16 }) });
 * ```
 */
export function createMysqlStorage(options: SqlStorageSettings & { readonly pool: MysqlPool }): SqlStorage {
  const { pool, ...settings } = options;
  return createSqlStorage({ ...settings, db: new Kysely<Database>({ dialect: new MysqlDialect({ pool }) }) });
}
