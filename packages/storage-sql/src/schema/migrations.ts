import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { catalogMigration } from '../catalog/catalog-migration.js';
import type { SqlFamily } from '../dialect/sql-family.js';
import { inventoryMigration } from '../inventory/inventory-migration.js';
import { columnTypes } from './column-types.js';
import { coreMigration } from './core-migration.js';
import type { MigrationContext, SqlMigration } from './sql-migration.js';
import { TablePrefixPlugin } from './table-prefix-plugin.js';

/** Every migration this version ships, in order. Each module's issue appends its own. */
export const SQL_MIGRATIONS: readonly SqlMigration[] = Object.freeze([
  coreMigration,
  catalogMigration,
  inventoryMigration,
]);

/** One migration that `migrateToLatest()` applied. */
export interface AppliedMigration {
  /** The migration's name, e.g. `0003-inventory`. */
  readonly name: string;
}

/** Where retailkit's tables live. */
export interface SchemaPlacement {
  /** The SQL family. */
  readonly family: SqlFamily;
  /** Prefix of every table and index name (may be empty). */
  readonly tablePrefix: string;
  /** PostgreSQL schema, if not the default. */
  readonly schema: string | undefined;
}

function migrationContext(placement: SchemaPlacement): MigrationContext {
  const { family, tablePrefix } = placement;
  return {
    family,
    types: columnTypes(family),
    name: (name) => `${tablePrefix}${name}`,
    table: (builder) =>
      family === 'mysql'
        ? builder.modifyEnd(sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin`)
        : builder,
  };
}

/**
 * Applies every migration not yet applied, in order, under Kysely's migration lock (so two
 * processes starting at once do not both migrate), and returns those it applied.
 */
export async function migrateToLatest(
  base: Kysely<unknown>,
  placement: SchemaPlacement,
): Promise<readonly AppliedMigration[]> {
  const context = migrationContext(placement);
  const prefix = new TablePrefixPlugin(placement.tablePrefix);
  const migrations: Record<string, Migration> = {};
  for (const migration of SQL_MIGRATIONS) {
    migrations[migration.name] = {
      up: (db) => migration.up(db.withPlugin(prefix), context),
    };
  }
  const migrator = new Migrator({
    db: placement.schema === undefined ? base : base.withSchema(placement.schema),
    provider: { getMigrations: async () => migrations },
    migrationTableName: `${placement.tablePrefix}migrations`,
    migrationLockTableName: `${placement.tablePrefix}migrations_lock`,
    ...(placement.schema === undefined ? {} : { migrationTableSchema: placement.schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => Object.freeze({ name: result.migrationName }));
}
