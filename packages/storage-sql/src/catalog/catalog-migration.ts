import type { SqlMigration } from '../schema/sql-migration.js';

/** The catalog tables. */
export const catalogMigration: SqlMigration = {
  name: '0002-catalog',
  async up() {},
};
