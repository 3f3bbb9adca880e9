import type { SqlMigration } from '../schema/sql-migration.js';

/** The inventory tables. */
export const inventoryMigration: SqlMigration = {
  name: '0003-inventory',
  async up() {},
};
