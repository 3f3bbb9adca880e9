import type { CatalogRepositories } from '@retailkit/catalog';
import {
  type CoreRepositories,
  parseInput,
  type StorageAdapter,
  type TransactionOptions,
  ValidationError,
} from '@retailkit/core';
import type { InventoryRepositories } from '@retailkit/inventory';
import type { OrderRepositories } from '@retailkit/orders';
import { type IsolationLevel, Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { SqlCatalogRepository } from './catalog/sql-catalog-repository.js';
import { SqlIdempotencyRepository } from './core/sql-idempotency-repository.js';
import { SqlOutboxRepository } from './core/sql-outbox-repository.js';
import { detectSqlFamily, type SqlFamily } from './dialect/sql-family.js';
import { SqlInventoryRepository } from './inventory/sql-inventory-repository.js';
import { SqlOrdersRepository } from './orders/sql-orders-repository.js';
import type { Database } from './schema/database.js';
import { type AppliedMigration, migrateToLatest } from './schema/migrations.js';
import { TablePrefixPlugin } from './schema/table-prefix-plugin.js';
import { toStorageError } from './sql/driver-errors.js';
import { prepareConnection } from './sql/prepare-connection.js';
import type { SqlContext } from './sql/sql-context.js';
import { sqlValues } from './sql/sql-values.js';

/** The repositories the SQL adapter provides: core, catalog, inventory and orders. */
export type SqlRepositories = CoreRepositories &
  CatalogRepositories &
  InventoryRepositories &
  OrderRepositories;

/** Options of {@link createSqlStorage}. */
export interface SqlStorageOptions<DB> {
  /** A Kysely instance on PostgreSQL (pg or PGlite), SQLite (better-sqlite3) or MySQL/MariaDB (mysql2). */
  readonly db: Kysely<DB>;
  /** The SQL family, when it cannot be told from the dialect (a third-party dialect). */
  readonly family?: SqlFamily;
  /** Put in front of every table and index name, e.g. `rk_`; letters, digits and `_`. Default none. */
  readonly tablePrefix?: string;
  /** PostgreSQL only: the schema retailkit's tables live in (created if missing). Default: the search path. */
  readonly schema?: string;
  /** Run `migrateToLatest()` before the first transaction; default true. */
  readonly migrate?: boolean;
  /**
   * Isolation of writing transactions on PostgreSQL and MySQL; default `read committed`, under
   * which the adapter's guarded updates and row locks keep every invariant. `serializable` works
   * too (engines such as CockroachDB only offer it); its conflicts are retried by the kit.
   * Read-only transactions always read one snapshot (`repeatable read`).
   */
  readonly isolation?: 'read committed' | 'serializable';
  /** Destroy the Kysely instance (ending its pool) on `close()`; default true. */
  readonly destroyOnClose?: boolean;
}

/** The SQL storage adapter. */
export interface SqlStorage extends StorageAdapter<SqlRepositories> {
  /** `sql:postgres`, `sql:sqlite` or `sql:mysql`. */
  readonly name: `sql:${SqlFamily}`;
  /** The SQL family. */
  readonly family: SqlFamily;
  /**
   * Applies the migrations not yet applied, in order, under a migration lock, and returns those it
   * applied (none when the schema is current). `init()` calls it unless `migrate` is false.
   */
  migrateToLatest(): Promise<readonly AppliedMigration[]>;
}

const optionsSchema = z.object({
  db: z.custom<Kysely<unknown>>((value) => value instanceof Kysely, 'must be a Kysely instance'),
  family: z.literal(['postgres', 'sqlite', 'mysql']).optional(),
  tablePrefix: z
    .string()
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]{0,29}$/,
      'must be up to 30 letters, digits or _, not starting with a digit',
    )
    .optional(),
  schema: z
    .string()
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]{0,62}$/,
      'must be up to 63 letters, digits or _, not starting with a digit',
    )
    .optional(),
  migrate: z.boolean().optional(),
  isolation: z.literal(['read committed', 'serializable']).optional(),
  destroyOnClose: z.boolean().optional(),
});

/**
 * Creates the SQL storage adapter over a Kysely instance. Transactions run in the database:
 * stock changes are guarded atomic updates, documents carry versions, and serialization
 * failures, deadlocks, lock timeouts and SQLITE_BUSY come back as retryable ConflictErrors that
 * the command runner retries. The constructors `createPostgresStorage`, `createPGliteStorage`,
 * `createSqliteStorage` and `createMysqlStorage` build the Kysely instance for you.
 *
 * @example
 * ```ts
 * const storage = createSqlStorage({ db: new Kysely({ dialect: new PostgresDialect({ pool }) }) });
 * const inventory = createInventory({ runner: createCommandRunner({ storage }) });
 * ```
 */
export function createSqlStorage<DB>(options: SqlStorageOptions<DB>): SqlStorage {
  const parsed = parseInput(optionsSchema, options, 'SQL storage options');
  const base = parsed.db as unknown as Kysely<Database>;
  const family = parsed.family ?? detectSqlFamily(base);
  if (family === undefined) {
    throw new ValidationError(
      [
        {
          path: 'family',
          message: 'Cannot tell the SQL family of this dialect: pass postgres, sqlite or mysql',
        },
      ],
      { context: 'SQL storage options' },
    );
  }
  if (parsed.schema !== undefined && family !== 'postgres') {
    throw new ValidationError(
      [{ path: 'schema', message: 'Only PostgreSQL has schemas here: use tablePrefix on SQLite and MySQL' }],
      { context: 'SQL storage options' },
    );
  }
  const tablePrefix = parsed.tablePrefix ?? '';
  const schema = parsed.schema;
  let db = schema === undefined ? base : base.withSchema(schema);
  if (tablePrefix !== '') db = db.withPlugin(new TablePrefixPlugin(tablePrefix));
  const values = sqlValues(family);
  const table = (tableName: string) => sql.table(schema === undefined ? tableName : `${schema}.${tableName}`);
  const name = `sql:${family}` as const;
  const writeIsolation: IsolationLevel | undefined =
    family === 'sqlite' ? undefined : (parsed.isolation ?? 'read committed');

  const run = async <T>(trx: Transaction<Database>, fn: (tx: SqlRepositories) => Promise<T>): Promise<T> => {
    const context: SqlContext = { db: trx, family, values, table };
    const outbox = new SqlOutboxRepository(context);
    const result = await fn({
      idempotency: new SqlIdempotencyRepository(context),
      outbox,
      catalog: new SqlCatalogRepository(context),
      inventory: new SqlInventoryRepository(context),
      orders: new SqlOrdersRepository(context),
    });
    await outbox.flush();
    return result;
  };

  const storage: SqlStorage = {
    name,
    family,
    migrateToLatest: () =>
      migrateToLatest(base as unknown as Kysely<unknown>, { family, tablePrefix, schema }),
    async init() {
      await prepareConnection(base, family);
      if (parsed.migrate !== false) await storage.migrateToLatest();
    },
    async transaction<T>(fn: (tx: SqlRepositories) => Promise<T>, options?: TransactionOptions): Promise<T> {
      let builder = db.transaction();
      if (family !== 'sqlite') {
        builder = options?.readOnly
          ? builder.setIsolationLevel('repeatable read').setAccessMode('read only')
          : builder.setIsolationLevel(writeIsolation as IsolationLevel);
      }
      try {
        return await builder.execute((trx) => run(trx, fn));
      } catch (error) {
        throw toStorageError(error, name);
      }
    },
    async close() {
      if (parsed.destroyOnClose !== false) await base.destroy();
    },
  };
  return storage;
}
