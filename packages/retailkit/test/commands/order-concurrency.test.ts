import { createMemoryStorage } from '@retailkit/storage-memory';
import { createPostgresStorage } from '@retailkit/storage-sql';
import type { Pool } from 'pg';
import { type KitStorage, orderConcurrencySuite, schemaName } from './order-concurrency-suite.js';

const pgUrl = process.env.RETAILKIT_PG_URL;

orderConcurrencySuite([
  {
    name: 'memory',
    async create() {
      const storage = createMemoryStorage() as unknown as KitStorage;
      return { storage, teardown: () => storage.close() };
    },
  },
  {
    // A server with a pool, so the commands truly overlap.
    name: 'sql:postgres',
    ...(pgUrl ? {} : { unavailable: 'RETAILKIT_PG_URL is not set' }),
    async create() {
      const { default: pg } = await import('pg');
      const pool: Pool = new pg.Pool({ connectionString: pgUrl, max: 16 });
      const schema = schemaName();
      const storage = createPostgresStorage({ pool, schema, destroyOnClose: false }) as unknown as KitStorage;
      return {
        storage,
        async teardown() {
          await storage.close();
          await pool.query(`drop schema if exists "${schema}" cascade`);
          await pool.end();
        },
      };
    },
  },
]);
