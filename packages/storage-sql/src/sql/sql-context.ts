import type { Kysely } from 'kysely';
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
}
