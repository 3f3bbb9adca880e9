import {
  type CompiledQuery,
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

/** What a PGlite transaction (the callback's `tx` of `pglite.transaction`) offers the dialect. */
export interface PGliteTransactionLike {
  /** Runs one statement inside the transaction. */
  query<R>(
    sql: string,
    params?: unknown[],
  ): Promise<{ readonly rows: R[]; readonly affectedRows?: number | undefined }>;
  /** Rolls the transaction back; PGlite then does not commit it when the callback returns. */
  rollback(): Promise<void>;
}

/**
 * The part of a PGlite instance (`@electric-sql/pglite`) the dialect uses, so this package needs
 * no type from the driver: any object with these methods works.
 */
export interface PGliteLike {
  /** Runs one statement with positional parameters. */
  query<R>(
    sql: string,
    params?: unknown[],
  ): Promise<{ readonly rows: R[]; readonly affectedRows?: number | undefined }>;
  /**
   * Runs `callback` in a transaction that holds the instance: other callers' queries and
   * transactions wait until it ends. It commits when the callback returns, and rejects when
   * PostgreSQL turned the COMMIT into a ROLLBACK.
   */
  transaction<T>(callback: (tx: PGliteTransactionLike) => Promise<T>): Promise<T>;
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
 * transaction holds it from `begin` to `commit`, and other queries wait their turn. Transactions
 * run through `pglite.transaction`, so the application's own use of a shared instance waits for
 * them too, and a COMMIT that PostgreSQL turned into a ROLLBACK (after a failed statement) fails.
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

/** An open transaction: where its statements go, and how to end it. */
interface OpenTransaction {
  readonly tx: PGliteTransactionLike;
  /** Lets `pglite.transaction`'s callback return: commit when true, roll back first when false. */
  readonly finish: (commit: boolean) => void;
  /** Settles when PGlite has committed or rolled back. */
  readonly ended: Promise<void>;
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGliteLike;
  #open: OpenTransaction | undefined;

  constructor(pglite: PGliteLike) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.#open?.tx ?? this.#pglite;
    const result = await target.query<R>(compiled.sql, [...compiled.parameters]);
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

  /**
   * Opens a transaction through `pglite.transaction`, whose callback stays pending until
   * {@link end}: PGlite then holds its transaction lock for us, so a query the application runs
   * directly on a shared instance waits instead of landing inside this transaction.
   */
  async begin(settings: TransactionSettings): Promise<void> {
    let entered!: (tx: PGliteTransactionLike) => void;
    const started = new Promise<PGliteTransactionLike>((resolve) => {
      entered = resolve;
    });
    let finish!: (commit: boolean) => void;
    const decided = new Promise<boolean>((resolve) => {
      finish = resolve;
    });
    const ended = this.#pglite.transaction(async (tx) => {
      entered(tx);
      if (!(await decided)) await tx.rollback();
    });
    const failedToStart = ended.then(() => {
      throw new Error('PGlite ended the transaction before it began');
    });
    const tx = await Promise.race([started, failedToStart]);
    this.#open = { tx, finish, ended };
    const modes: string[] = [];
    if (settings.isolationLevel) modes.push(`isolation level ${settings.isolationLevel}`);
    if (settings.accessMode) modes.push(settings.accessMode);
    if (modes.length === 0) return;
    try {
      await tx.query(`set transaction ${modes.join(', ')}`);
    } catch (error) {
      // Kysely rolls back only a transaction that began: end this one here.
      await this.end(false).catch(() => undefined);
      throw error;
    }
  }

  /** Commits (or rolls back) the open transaction; nothing when none is open. */
  async end(commit: boolean): Promise<void> {
    const open = this.#open;
    if (!open) return;
    this.#open = undefined;
    open.finish(commit);
    await open.ended;
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
    await (connection as PGliteConnection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end(true);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end(false);
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
