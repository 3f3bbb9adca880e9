import type { Kysely, RawBuilder } from 'kysely';
import type { SqlFamily } from '../dialect/sql-family.js';
import type { Database } from '../schema/database.js';
import type { SqlValues } from './sql-values.js';

/** What a repository works with inside one transaction. */
export interface SqlContext {
  /** The transaction, with table prefix and schema applied. */
  readonly db: Kysely<Database>;
  /** The SQL family. */
  readonly family: SqlFamily;
  /** The family's value codec. */
  readonly values: SqlValues;
  /**
   * A table for a raw `sql` template, qualified with the PostgreSQL schema when there is one (the
   * query builder does that by itself; raw templates do not). The table prefix is added by the
   * prefix plugin either way.
   */
  table(name: string): RawBuilder<unknown>;
}
