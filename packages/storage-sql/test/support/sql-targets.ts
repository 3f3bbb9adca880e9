import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { StorageAdapter } from '@retailkit/core';
import type { PGliteLike } from '../../src/dialect/pglite-dialect.js';
import {
  createMysqlStorage,
  createPGliteStorage,
  createPostgresStorage,
  createSqliteStorage,
  type SqlRepositories,
  type SqlStorage,
} from '../../src/index.js';

/** A database the SQL suites run on: how to make a fresh, empty adapter, and why it may be skipped. */
export interface SqlTarget {
  /** Shown in suite titles: `sql:pglite`, `sql:sqlite`, `sql:postgres`, `sql:mysql`. */
  readonly name: string;
  /** Why the target cannot run here, or undefined when it can. */
  readonly unavailable: string | undefined;
  /** A fresh adapter over empty tables. */
  create(): Promise<SqlStorage>;
  /** Drops what `create` made and closes the adapter. */
  teardown(storage: StorageAdapter<SqlRepositories>): Promise<void>;
}

const require = createRequire(import.meta.url);
const unique = () => randomUUID().replaceAll('-', '').slice(0, 12);

let sharedPGlite: Promise<PGliteLike> | undefined;

/**
 * Embedded PGlite. Starting one takes seconds, so one instance serves a whole test file and each
 * adapter gets a schema of its own.
 */
export const pgliteTarget: SqlTarget = {
  name: 'sql:pglite',
  unavailable: undefined,
  async create() {
    sharedPGlite ??= import('@electric-sql/pglite').then(({ PGlite }) => PGlite.create());
    return createPGliteStorage({ pglite: await sharedPGlite, schema: `t_${unique()}` });
  },
  async teardown(storage) {
    await storage.close();
  },
};

type SqliteConstructor = new (filename: string) => import('kysely').SqliteDatabase;

function loadSqlite(): SqliteConstructor | string {
  try {
    const Database = require('better-sqlite3') as SqliteConstructor;
    new Database(':memory:').close();
    return Database;
  } catch (error) {
    return `better-sqlite3 cannot load here (${(error as Error).message.split('\n')[0]}); install it with npm_config_nodedir=/usr pnpm install`;
  }
}

const sqlite = loadSqlite();

/** SQLite in memory through better-sqlite3, a new database per adapter. */
export const sqliteTarget: SqlTarget = {
  name: 'sql:sqlite',
  unavailable: typeof sqlite === 'string' ? sqlite : undefined,
  async create() {
    if (typeof sqlite === 'string') throw new Error(sqlite);
    return createSqliteStorage({ database: new sqlite(':memory:') });
  },
  async teardown(storage) {
    await storage.close();
  },
};

const pgUrl = process.env.RETAILKIT_PG_URL;
const schemasOf = new WeakMap<object, { pool: import('pg').Pool; schema: string }>();

/** A PostgreSQL server from RETAILKIT_PG_URL; each adapter gets its own schema and a pool of 16. */
export const postgresTarget: SqlTarget = {
  name: 'sql:postgres',
  unavailable: pgUrl ? undefined : 'RETAILKIT_PG_URL is not set',
  async create() {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: pgUrl, max: 16 });
    const schema = `t_${unique()}`;
    const storage = createPostgresStorage({ pool, schema, destroyOnClose: false });
    schemasOf.set(storage, { pool, schema });
    return storage;
  },
  async teardown(storage) {
    await storage.close();
    const made = schemasOf.get(storage);
    if (!made) return;
    await made.pool.query(`drop schema if exists "${made.schema}" cascade`);
    await made.pool.end();
  },
};

const mysqlUrl = process.env.RETAILKIT_MYSQL_URL;
const databasesOf = new WeakMap<object, { pool: import('mysql2').Pool; database: string }>();

/** A MySQL or MariaDB server from RETAILKIT_MYSQL_URL; each adapter gets its own database. */
export const mysqlTarget: SqlTarget = {
  name: 'sql:mysql',
  unavailable: mysqlUrl ? undefined : 'RETAILKIT_MYSQL_URL is not set',
  async create() {
    const mysql = await import('mysql2');
    const database = `rk_${unique()}`;
    const admin = await import('mysql2/promise').then((m) => m.createConnection({ uri: mysqlUrl as string }));
    await admin.query(`create database ${database} character set utf8mb4 collate utf8mb4_bin`);
    await admin.end();
    const url = new URL(mysqlUrl as string);
    url.pathname = `/${database}`;
    const pool = mysql.createPool({ uri: url.toString(), timezone: 'Z', connectionLimit: 16 });
    const storage = createMysqlStorage({ pool, destroyOnClose: false });
    databasesOf.set(storage, { pool, database });
    return storage;
  },
  async teardown(storage) {
    await storage.close();
    const made = databasesOf.get(storage);
    if (!made) return;
    await made.pool.promise().query(`drop database if exists ${made.database}`);
    await made.pool.promise().end();
  },
};

/** Every target. */
export const SQL_TARGETS: readonly SqlTarget[] = [pgliteTarget, sqliteTarget, postgresTarget, mysqlTarget];
