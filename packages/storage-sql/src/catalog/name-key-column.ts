import { sql } from 'kysely';
import type { SqlFamily } from '../dialect/sql-family.js';
import type { ColumnType, ColumnTypes } from '../schema/column-types.js';

/**
 * The most characters a name key holds on MySQL: `varchar(512)` in utf8mb4 (2,048 bytes) next to
 * a `types.key` id (1,020 bytes) fits the 3,072-byte InnoDB index limit, so `(name_key, id)` is one
 * index that serves the search order without a sort (MariaDB does not sort by the primary key that
 * InnoDB appends to a secondary index). A name is at most 200 characters: only a name made mostly
 * of characters that NFKC expands more than 2.5-fold (`㈱`, `㍿`, `ﷺ`) has a longer key, which the
 * MySQL adapter refuses with a ValidationError. PostgreSQL and SQLite keep name keys as text.
 */
export const MYSQL_NAME_KEY_LENGTH = 512;

/** The column type of a name key in one family. */
export function nameKeyColumn(family: SqlFamily, types: ColumnTypes): ColumnType {
  return family === 'mysql'
    ? sql`varchar(${sql.raw(String(MYSQL_NAME_KEY_LENGTH))}) character set utf8mb4 collate utf8mb4_bin`
    : types.longKey;
}
