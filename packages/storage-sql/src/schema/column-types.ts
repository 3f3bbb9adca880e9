import { type Expression, sql } from 'kysely';
import type { SqlFamily } from '../dialect/sql-family.js';

/** A column's SQL type, as the schema builder takes it. */
export type ColumnType = Expression<unknown>;

/**
 * The column types of one SQL family. Keys compare exactly, byte for byte (`COLLATE "C"`,
 * `utf8mb4_bin`, SQLite's default), and sort in code point order; amounts and quantities are
 * exact decimals (text in SQLite, which has none); instants are UTC.
 */
export interface ColumnTypes {
  /** An id, code or other key up to 255 characters, compared exactly. */
  readonly key: ColumnType;
  /** A long key, such as a category path (up to 700 characters), compared exactly. */
  readonly longKey: ColumnType;
  /** Free text of any length, never indexed. */
  readonly text: ColumnType;
  /** An exact decimal: quantities, costs, amounts. */
  readonly decimal: ColumnType;
  /** An instant, stored in UTC with millisecond precision. */
  readonly instant: ColumnType;
  /** A calendar date (a store-local business date). */
  readonly date: ColumnType;
  /** A JSON document. */
  readonly json: ColumnType;
  /** A boolean. */
  readonly boolean: ColumnType;
  /** A 32-bit integer. */
  readonly integer: ColumnType;
  /** A 64-bit integer. */
  readonly bigint: ColumnType;
}

const POSTGRES: ColumnTypes = {
  key: sql`text collate "C"`,
  longKey: sql`text collate "C"`,
  text: sql`text`,
  decimal: sql`numeric`,
  instant: sql`timestamptz(3)`,
  date: sql`date`,
  json: sql`jsonb`,
  boolean: sql`boolean`,
  integer: sql`integer`,
  bigint: sql`bigint`,
};

const MYSQL: ColumnTypes = {
  key: sql`varchar(255) character set utf8mb4 collate utf8mb4_bin`,
  longKey: sql`varchar(700) character set utf8mb4 collate utf8mb4_bin`,
  text: sql`longtext character set utf8mb4 collate utf8mb4_bin`,
  // 40 digits, 12 after the point: quantities carry up to 9 decimals, average costs 6.
  decimal: sql`decimal(40, 12)`,
  instant: sql`datetime(3)`,
  date: sql`date`,
  // Text, not MySQL's JSON type: MariaDB returns that as text and MySQL parses it, so a JSON
  // string value would be ambiguous. JSON_CONTAINS and friends still work on it.
  json: sql`longtext character set utf8mb4 collate utf8mb4_bin`,
  boolean: sql`boolean`,
  integer: sql`int`,
  bigint: sql`bigint`,
};

const SQLITE: ColumnTypes = {
  key: sql`text`,
  longKey: sql`text`,
  text: sql`text`,
  // SQLite has no exact decimal type: decimals are text, and arithmetic on them happens in the
  // adapter inside SQLite's single-writer transaction.
  decimal: sql`text`,
  // ISO-8601 UTC text (`2026-11-27T09:30:00.000Z`), which sorts and compares as time does.
  instant: sql`text`,
  date: sql`text`,
  json: sql`text`,
  boolean: sql`integer`,
  integer: sql`integer`,
  bigint: sql`integer`,
};

/** The column types of a family. */
export function columnTypes(family: SqlFamily): ColumnTypes {
  return family === 'postgres' ? POSTGRES : family === 'mysql' ? MYSQL : SQLITE;
}
