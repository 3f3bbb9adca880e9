import { createRequire } from 'node:module';
import { createCommandRunner } from '@retailkit/core';
import { createInventory } from '@retailkit/inventory';
import {
  runCatalogConformance,
  runInventoryConformance,
  runOrdersConformance,
  runStorageConformance,
} from '@retailkit/testkit';
import type { SqliteDatabase } from 'kysely';
import { expect, it } from 'vitest';
import { createSqliteStorage } from '../src/index.js';
import { sqliteTarget as target } from './support/sql-targets.js';
import { targetRuns } from './support/target-suite.js';

type Sqlite = new (filename: string) => SqliteDatabase;
type Rows = { prepare(sql: string): { all(): { name: string }[] } };

// retailkit inside an existing database: every table and index of the adapter carries the prefix,
// and two prefixes share one database without touching each other.
if (targetRuns(target)) {
  const Database = createRequire(import.meta.url)('better-sqlite3') as Sqlite;
  const options = {
    name: 'sql:sqlite with tablePrefix rk_',
    create: () => createSqliteStorage({ database: new Database(':memory:'), tablePrefix: 'rk_' }),
  };
  runStorageConformance(options);
  runCatalogConformance(options);
  runInventoryConformance(options);
  runOrdersConformance(options);

  it('names every table and index with the prefix, and keeps two prefixes apart in one database', async () => {
    const database = new Database(':memory:');
    const admin = { actor: { id: 'setup', roles: ['admin'] } };
    const stores: string[] = [];
    for (const tablePrefix of ['shop_a_', 'shop_b_']) {
      const storage = createSqliteStorage({ database, tablePrefix, destroyOnClose: false });
      const inventory = createInventory({ runner: createCommandRunner({ storage }) });
      const id = `${tablePrefix}store`;
      await inventory.defineLocation(
        { id, kind: 'store', name: id, timeZone: 'Europe/Berlin', currency: 'EUR' },
        admin,
      );
      stores.push(id);
      await storage.close();
    }
    const names = (database as unknown as Rows)
      .prepare("select name from sqlite_master where type in ('table', 'index') and name not like 'sqlite_%'")
      .all()
      .map((row) => row.name);
    expect(names.filter((name) => !name.startsWith('shop_a_') && !name.startsWith('shop_b_'))).toEqual([]);
    expect(names.filter((name) => name.startsWith('shop_a_')).length).toBe(
      names.filter((name) => name.startsWith('shop_b_')).length,
    );
    const locations = (database as unknown as Rows)
      .prepare('select id as name from shop_a_locations union all select id from shop_b_locations')
      .all()
      .map((row) => row.name);
    expect(locations).toEqual(stores);
  });
}
