export {
  createSqlStorage,
  type SqlRepositories,
  type SqlStorage,
  type SqlStorageOptions,
} from './create-sql-storage.js';
export {
  createMysqlStorage,
  createPGliteStorage,
  createPostgresStorage,
  createSqliteStorage,
  type SqlStorageSettings,
} from './create-storage.js';
export {
  PGliteDialect,
  type PGliteDialectOptions,
  type PGliteLike,
  type PGliteTransactionLike,
} from './dialect/pglite-dialect.js';
export { detectSqlFamily, type SqlFamily } from './dialect/sql-family.js';
export type { ColumnType, ColumnTypes } from './schema/column-types.js';
export { type AppliedMigration, SQL_MIGRATIONS } from './schema/migrations.js';
export type { MigrationContext, SqlMigration } from './schema/sql-migration.js';
export { TablePrefixPlugin } from './schema/table-prefix-plugin.js';
