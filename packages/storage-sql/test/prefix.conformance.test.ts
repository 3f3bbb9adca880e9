import { randomUUID } from 'node:crypto';
import type { StorageAdapter } from '@retailkit/core';
import { runCatalogConformance, runOrdersConformance, runStorageConformance } from '@retailkit/testkit';
import { createMysqlStorage, createPostgresStorage, type SqlRepositories } from '../src/index.js';
import { mysqlTarget, postgresTarget } from './support/sql-targets.js';
import { targetRuns } from './support/target-suite.js';

// The core, catalog and orders suites with a table prefix on the servers (with a schema as well on
// PostgreSQL): the prefix plugin must rename tables, and only tables, in every statement the
// adapter writes, including raw ones (PostgreSQL's one-statement outbox append, MySQL upserts).
// SQLite has its own file, sqlite.prefix.test.ts.
const unique = () => randomUUID().replaceAll('-', '').slice(0, 12);
const cleanups = new WeakMap<object, () => Promise<void>>();

async function teardown(storage: StorageAdapter<SqlRepositories>): Promise<void> {
  await storage.close();
  await cleanups.get(storage)?.();
}

if (targetRuns(postgresTarget)) {
  const create = async () => {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: process.env.RETAILKIT_PG_URL, max: 16 });
    const schema = `p_${unique()}`;
    const storage = createPostgresStorage({ pool, schema, tablePrefix: 'rk_', destroyOnClose: false });
    cleanups.set(storage, async () => {
      await pool.query(`drop schema if exists "${schema}" cascade`);
      await pool.end();
    });
    return storage;
  };
  const options = { name: 'sql:postgres with schema and tablePrefix rk_', create, teardown };
  runStorageConformance(options);
  runCatalogConformance(options);
  runOrdersConformance(options);
}

if (targetRuns(mysqlTarget)) {
  const create = async () => {
    const mysql = await import('mysql2');
    const database = `rkp_${unique()}`;
    const uri = process.env.RETAILKIT_MYSQL_URL as string;
    const admin = await import('mysql2/promise').then((m) => m.createConnection({ uri }));
    await admin.query(`create database ${database} character set utf8mb4 collate utf8mb4_bin`);
    await admin.end();
    const url = new URL(uri);
    url.pathname = `/${database}`;
    const pool = mysql.createPool({ uri: url.toString(), timezone: 'Z', connectionLimit: 16 });
    const storage = createMysqlStorage({ pool, tablePrefix: 'rk_', destroyOnClose: false });
    cleanups.set(storage, async () => {
      await pool.promise().query(`drop database if exists ${database}`);
      await pool.promise().end();
    });
    return storage;
  };
  const options = { name: 'sql:mysql with tablePrefix rk_', create, teardown };
  runStorageConformance(options);
  runCatalogConformance(options);
  runOrdersConformance(options);
}
