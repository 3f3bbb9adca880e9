import { type Expression, type RawBuilder, sql } from 'kysely';
import type { SqlFamily } from '../dialect/sql-family.js';

/**
 * How values cross between records (ISO strings, decimal strings, JSON) and one SQL family's
 * columns and drivers. Reads accept what any of the supported drivers return, so a user's driver
 * settings (a pg type parser, mysql2's `dateStrings`) do not change what records hold.
 */
export interface SqlValues {
  /** The family. */
  readonly family: SqlFamily;
  /** An ISO-8601 UTC instant as a parameter for an instant column. */
  instant(iso: string): string;
  /** Same, for an optional instant. */
  optionalInstant(iso: string | null): string | null;
  /** An instant column's value as ISO-8601 UTC (`2026-11-27T09:30:00.000Z`). */
  readInstant(value: unknown): string;
  /** Same, for a nullable column. */
  readOptionalInstant(value: unknown): string | null;
  /** A decimal string as a typed SQL expression, for arithmetic and comparisons. */
  decimal(value: string): RawBuilder<string>;
  /** A JSON value as a parameter for a JSON column. */
  json(value: unknown): string;
  /** A JSON column's value, parsed. */
  readJson<T>(value: unknown): T;
  /** A boolean as a parameter. */
  boolean(value: boolean): boolean | number;
}

/** A decimal column's value in canonical form: no exponent, no trailing zeros after the point. */
export function readDecimal(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  if (!text.includes('.')) return text === '-0' ? '0' : text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--; // '0'
  if (text.charCodeAt(end - 1) === 46) end--; // '.'
  const canonical = text.slice(0, end);
  return canonical === '-0' || canonical === '' ? '0' : canonical;
}

/** Same, for a nullable decimal column. */
export function readOptionalDecimal(value: unknown): string | null {
  return value === null || value === undefined ? null : readDecimal(value);
}

/** A boolean column's value (PostgreSQL booleans, MySQL and SQLite 0/1). */
export function readBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 1n;
}

/** An integer column's value (drivers may return bigints or strings for 64-bit columns). */
export function readInteger(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** A date column, read as `YYYY-MM-DD` text whatever the driver does with dates. */
export function dateText<T extends string>(column: Expression<unknown> | string, alias: T) {
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<string>`cast(${ref} as char(10))`.as(alias);
}

function isoFromDate(value: Date): string {
  return value.toISOString();
}

function readPostgresInstant(value: unknown): string {
  if (value instanceof Date) return isoFromDate(value);
  // A string when the user's driver parses no timestamps: `2026-11-27 09:30:00.123+00`.
  const text = String(value)
    .replace(' ', 'T')
    .replace(/([+-]\d\d)$/, '$1:00');
  return new Date(text).toISOString();
}

function readMysqlInstant(value: unknown): string {
  if (value instanceof Date) return isoFromDate(value);
  // mysql2 with `dateStrings`: `2026-11-27 09:30:00.123`, in UTC because that is what was written.
  return new Date(`${String(value).replace(' ', 'T')}Z`).toISOString();
}

function readTextInstant(value: unknown): string {
  return String(value);
}

function parseJsonText<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function makeValues(
  family: SqlFamily,
  instant: (iso: string) => string,
  readInstant: (value: unknown) => string,
  decimal: (value: string) => RawBuilder<string>,
  readJson: <T>(value: unknown) => T,
  boolean: (value: boolean) => boolean | number,
): SqlValues {
  return {
    family,
    instant,
    optionalInstant: (iso) => (iso === null ? null : instant(iso)),
    readInstant,
    readOptionalInstant: (value) => (value === null || value === undefined ? null : readInstant(value)),
    decimal,
    json: (value) => JSON.stringify(value),
    readJson,
    boolean,
  };
}

const POSTGRES = makeValues(
  'postgres',
  (iso) => iso,
  readPostgresInstant,
  (value) => sql<string>`cast(${value} as numeric)`,
  // pg and PGlite parse jsonb themselves; a string here is a JSON string value.
  <T>(value: unknown) => value as T,
  (value) => value,
);

const MYSQL = makeValues(
  'mysql',
  // DATETIME takes no zone: the UTC wall time, `2026-11-27 09:30:00.123`.
  (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 23)}`,
  readMysqlInstant,
  (value) => sql<string>`cast(${value} as decimal(40, 12))`,
  parseJsonText,
  (value) => (value ? 1 : 0),
);

const SQLITE = makeValues(
  'sqlite',
  (iso) => iso,
  readTextInstant,
  (value) => sql<string>`${value}`,
  parseJsonText,
  (value) => (value ? 1 : 0),
);

/** The value codec of a family. */
export function sqlValues(family: SqlFamily): SqlValues {
  return family === 'postgres' ? POSTGRES : family === 'mysql' ? MYSQL : SQLITE;
}
