import { createRequire } from 'node:module';
import type { SqliteDatabase } from 'kysely';
import { expect, it } from 'vitest';
import { createSqliteStorage } from '../src/index.js';
import { sqliteTarget as target } from './support/sql-targets.js';
import { targetRuns } from './support/target-suite.js';

/** The part of a better-sqlite3 database the test uses beside Kysely's. */
interface Raw {
  exec(sql: string): void;
  prepare(sql: string): { all(): { name: string }[] };
}
type Sqlite = new (filename: string) => SqliteDatabase;

if (targetRuns(target)) {
  const Database = createRequire(import.meta.url)('better-sqlite3') as Sqlite;

  it('rolls back a migration run that fails midway on SQLite, so fixing the cause and running again works', async () => {
    const database = new Database(':memory:');
    const raw = database as unknown as Raw;
    // An index of the same name as the last one the core migration creates makes it fail there.
    raw.exec('create table squatter (n integer); create index outbox_deliveries_acked on squatter (n)');
    const storage = createSqliteStorage({ database, destroyOnClose: false });
    await expect(storage.migrateToLatest()).rejects.toThrow(/already exists/);
    const tables = () =>
      raw
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
        )
        .all()
        .map((row) => row.name);
    expect(tables()).toEqual(['squatter']);

    raw.exec('drop table squatter');
    expect((await storage.migrateToLatest()).length).toBeGreaterThan(0);
    expect(tables()).toContain('idempotency_keys');
    await storage.close();
  });
}
