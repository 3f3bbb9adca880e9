import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * The part of a PGlite instance (`@electric-sql/pglite`) the dialect uses, so this package needs
 * no type from the driver: any object with these two methods works.
 */
export interface PGliteLike {
  /** Runs one statement with positional parameters. */
  query<R>(
    sql: string,
    params?: unknown[],
  ): Promise<{ readonly rows: R[]; readonly affectedRows?: number | undefined }>;
  /** Shuts the database down. */
  close(): Promise<void>;
}

/** Options of {@link PGliteDialect}. */
export interface PGliteDialectOptions {
  /** The PGlite instance, or a function that opens it on first use. */
  readonly pglite: PGliteLike | (() => Promise<PGliteLike>);
  /** Close the instance when the Kysely instance is destroyed; default true. */
  readonly closeOnDestroy?: boolean;
}

/**
 * A Kysely dialect for embedded PGlite, reusing Kysely's PostgreSQL adapter, query compiler and
 * introspector. PGlite has one connection, so the driver hands it to one user at a time: a
 * transaction holds it from `begin` to `commit`, and other queries wait their turn.
 */
export class PGliteDialect implements Dialect {
  readonly #options: PGliteDialectOptions;

  /** A dialect over the given PGlite instance (or opener). */
  constructor(options: PGliteDialectOptions) {
    this.#options = options;
  }

  /** Kysely's PostgreSQL adapter. */
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  /** The single-connection PGlite driver. */
  createDriver(): Driver {
    return new PGliteDriver(this.#options);
  }

  /** Kysely's PostgreSQL query compiler. */
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  /** Kysely's PostgreSQL introspector. */
  createIntrospector<DB>(db: Kysely<DB>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGliteLike;

  constructor(pglite: PGliteLike) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#pglite.query<R>(compiled.sql, [...compiled.parameters]);
    const kind = compiled.query.kind;
    const writes = kind === 'InsertQueryNode' || kind === 'UpdateQueryNode' || kind === 'DeleteQueryNode';
    return writes || result.affectedRows !== undefined
      ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows ?? 0) }
      : { rows: result.rows };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors; Kysely asks for this only on `.stream()`.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not support streaming queries');
  }
}

class PGliteDriver implements Driver {
  readonly #options: PGliteDialectOptions;
  #pglite: PGliteLike | undefined;
  #connection: PGliteConnection | undefined;

  constructor(options: PGliteDialectOptions) {
    this.#options = options;
  }

  async init(): Promise<void> {
    const { pglite } = this.#options;
    this.#pglite = typeof pglite === 'function' ? await pglite() : pglite;
    this.#connection = new PGliteConnection(this.#pglite);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // One queue per PGlite instance, not per driver: two Kysely instances (two adapters) over the
    // same database must not interleave their transactions on its one connection.
    const pglite = this.#pglite as PGliteLike;
    const previous = queues.get(pglite) ?? Promise.resolve();
    let release!: () => void;
    queues.set(
      pglite,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    await previous;
    const connection = this.#connection as PGliteConnection;
    releases.set(connection, release);
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const parts = ['begin'];
    if (settings.isolationLevel) parts.push(`isolation level ${settings.isolationLevel}`);
    if (settings.accessMode) parts.push(settings.accessMode);
    await connection.executeQuery(CompiledQuery.raw(parts.join(' ')));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = releases.get(connection);
    releases.delete(connection);
    release?.();
  }

  async destroy(): Promise<void> {
    if (this.#pglite && this.#options.closeOnDestroy !== false) await this.#pglite.close();
    this.#pglite = undefined;
  }
}

// The tail of each PGlite instance's queue of connection users: each waits for the one before it.
const queues = new WeakMap<PGliteLike, Promise<void>>();
// The release function of the current holder of each connection.
const releases = new WeakMap<DatabaseConnection, () => void>();
