import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPostgresStorage } from '../src/index.js';
import { postgresTarget as target } from './support/sql-targets.js';
import { targetRuns } from './support/target-suite.js';

const unique = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 10)}`;

if (targetRuns(target)) {
  it('migrates while another session drops schemas of its own, and a second run applies nothing', async () => {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: process.env.RETAILKIT_PG_URL, max: 4 });
    let stop = false;
    // Another tenant's (or test file's) schemas coming and going in the same database: Kysely's own
    // introspection fails with 3F000 when one goes while it reads the catalog.
    const churn = (async () => {
      while (!stop) {
        const schema = unique('churn');
        await pool.query(`create schema ${schema}; create table ${schema}.t (a int, b text)`);
        await pool.query(`drop schema ${schema} cascade`);
      }
    })();
    const schemas = Array.from({ length: 4 }, () => unique('race'));
    const failures: string[] = [];
    try {
      for (const schema of schemas) {
        const storage = createPostgresStorage({ pool, schema, tablePrefix: 'rk_', destroyOnClose: false });
        const applied = await storage.migrateToLatest().catch((error: Error) => {
          failures.push(error.message);
          return [];
        });
        if (applied.length > 0) expect(await storage.migrateToLatest()).toEqual([]);
      }
    } finally {
      stop = true;
      await churn;
      for (const schema of schemas) await pool.query(`drop schema if exists ${schema} cascade`);
      await pool.end();
    }
    expect(failures).toEqual([]);
  }, 120_000);
}
