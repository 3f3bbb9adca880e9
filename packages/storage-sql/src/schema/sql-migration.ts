import type { CreateTableBuilder, Kysely } from 'kysely';
import type { SqlFamily } from '../dialect/sql-family.js';
import type { ColumnTypes } from './column-types.js';

/** What a migration needs to write portable DDL. */
export interface MigrationContext {
  /** The SQL family it runs on. */
  readonly family: SqlFamily;
  /** The family's column types. */
  readonly types: ColumnTypes;
  /** An index or constraint name with the table prefix, so two prefixes can share a schema. */
  name(name: string): string;
  /** Finishes a CREATE TABLE for the family (MySQL: InnoDB, utf8mb4 with a binary collation). */
  table<T extends string, C extends string>(builder: CreateTableBuilder<T, C>): CreateTableBuilder<T, C>;
}

/**
 * One versioned schema change, in code. Migrations run in name order and never change once
 * released: a later change is a new migration. `db` already prefixes table names.
 */
export interface SqlMigration {
  /** Unique, sortable name, e.g. `0003-inventory`. */
  readonly name: string;
  /** Applies the change. */
  up(db: Kysely<unknown>, context: MigrationContext): Promise<void>;
}
