import { type DatabaseIntrospector, type Kysely, type Migration, Migrator, sql } from 'kysely';
import { catalogMigration } from '../catalog/catalog-migration.js';
import type { SqlFamily } from '../dialect/sql-family.js';
import { inventoryMigration } from '../inventory/inventory-migration.js';
import { ordersMigration } from '../orders/orders-migration.js';
import { columnTypes } from './column-types.js';
import { coreMigration } from './core-migration.js';
import type { MigrationContext, SqlMigration } from './sql-migration.js';
import { TablePrefixPlugin } from './table-prefix-plugin.js';

/** Every migration this version ships, in order. Each module's issue appends its own. */
export const SQL_MIGRATIONS: readonly SqlMigration[] = Object.freeze([
  coreMigration,
  catalogMigration,
  inventoryMigration,
  ordersMigration,
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
 * processes starting at once do not both migrate), and returns those it applied. When the
 * migrations table already lists exactly the shipped migrations, it returns at once, without the
 * lock or any introspection. SQLite has no such lock and Kysely runs its DDL outside a transaction
 * there, so on SQLite the whole run is one `BEGIN IMMEDIATE` transaction: another process waits
 * for the write lock, then finds the migrations applied, and a run that fails midway leaves
 * nothing behind.
 */
export async function migrateToLatest(
  base: Kysely<unknown>,
  placement: SchemaPlacement,
): Promise<readonly AppliedMigration[]> {
  if (await isCurrent(base, placement)) return [];
  if (placement.family !== 'sqlite') return runMigrator(base, placement);
  return base.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const applied = await runMigrator(connection, placement);
      await sql`commit`.execute(connection);
      return applied;
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

/** Whether the migrations table lists exactly the shipped migrations (false when it is missing). */
async function isCurrent(base: Kysely<unknown>, placement: SchemaPlacement): Promise<boolean> {
  const db = (placement.schema === undefined ? base : base.withSchema(placement.schema)) as Kysely<
    Record<string, { name: string }>
  >;
  // Outside a transaction, so a missing table fails only this statement.
  const rows = await db
    .selectFrom(`${placement.tablePrefix}migrations`)
    .select('name')
    .execute()
    .catch(() => undefined);
  if (rows === undefined || rows.length !== SQL_MIGRATIONS.length) return false;
  const applied = new Set(rows.map((row) => row.name));
  return SQL_MIGRATIONS.every((migration) => applied.has(migration.name));
}

async function runMigrator(
  db: Kysely<unknown>,
  placement: SchemaPlacement,
): Promise<readonly AppliedMigration[]> {
  const context = migrationContext(placement);
  const prefix = new TablePrefixPlugin(placement.tablePrefix);
  const migrations: Record<string, Migration> = {};
  for (const migration of SQL_MIGRATIONS) {
    migrations[migration.name] = {
      up: (migrating) => migration.up(migrating.withPlugin(prefix), context),
    };
  }
  const placed = placement.schema === undefined ? db : db.withSchema(placement.schema);
  const migrator = new Migrator({
    db: placement.family === 'postgres' ? withOwnTablesIntrospection(placed, placement.schema) : placed,
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

/**
 * The Migrator asks the introspection whether its two tables exist. Kysely's PostgreSQL
 * introspection answers with every column of every table in the database, checking privileges on
 * each schema by name: slow in a large shared database, and failing (3F000) when another session
 * drops a schema meanwhile. This gives the Migrator an introspection of one schema's tables.
 */
function withOwnTablesIntrospection(db: Kysely<unknown>, schema: string | undefined): Kysely<unknown> {
  const general = db.introspection;
  const introspection: DatabaseIntrospector = {
    getSchemas: () => general.getSchemas(),
    async getTables() {
      const { rows } = await sql<{
        name: string;
        schema: string;
      }>`select tablename as name, schemaname as schema
        from pg_catalog.pg_tables where schemaname = ${schema ?? sql`current_schema()`}`.execute(db);
      return rows.map((row) => ({ name: row.name, schema: row.schema, isView: false, columns: [] }));
    },
    async getMetadata() {
      return { tables: await introspection.getTables() };
    },
  };
  return new Proxy(db, {
    get(target, key) {
      if (key === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
