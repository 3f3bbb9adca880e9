import { randomUUID } from 'node:crypto';
import { runCatalogConformance, runStorageConformance } from '@retailkit/testkit';
import { createMysqlStorage, createPGliteStorage, createPostgresStorage, createSqliteStorage } from '../src/index.js';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const unique = () => randomUUID().replaceAll('-', '').slice(0, 12);

const targets = [
  {
    name: 'prefix:sqlite',
    create: async () => {
      const Database = require('better-sqlite3');
      return createSqliteStorage({ database: new Database(':memory:'), tablePrefix: 'rk_' });
    },
  },
  {
    name: 'prefix:postgres',
    create: async () => {
      const { default: pg } = await import('pg');
      const pool = new pg.Pool({ connectionString: process.env.RETAILKIT_PG_URL, max: 16 });
      return createPostgresStorage({ pool, schema: `p_${unique()}`, tablePrefix: 'rk_' });
    },
  },
  {
    name: 'prefix:pglite',
    create: async () => createPGliteStorage({ tablePrefix: 'rk_' }),
  },
  {
    name: 'prefix:mysql',
    create: async () => {
      const mysql = await import('mysql2');
      const database = `rkp_${unique()}`;
      const admin = await import('mysql2/promise').then((m) => m.createConnection({ uri: process.env.RETAILKIT_MYSQL_URL as string }));
      await admin.query(`create database ${database} character set utf8mb4 collate utf8mb4_bin`);
      await admin.end();
      const url = new URL(process.env.RETAILKIT_MYSQL_URL as string);
      url.pathname = `/${database}`;
      const pool = mysql.createPool({ uri: url.toString(), timezone: 'Z', connectionLimit: 16 });
      return createMysqlStorage({ pool, tablePrefix: 'rk_' });
    },
  },
];
for (const t of targets) {
  runStorageConformance({ name: t.name, create: t.create });
  runCatalogConformance({ name: t.name, create: t.create });
}
