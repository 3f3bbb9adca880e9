import { randomUUID } from 'node:crypto';
import { isRetailKitError } from '@retailkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMysqlStorage } from '../src/index.js';
import { mysqlTarget } from './support/sql-targets.js';
import { targetRuns } from './support/target-suite.js';

type Pool = import('mysql2').Pool;

// What `init()` refuses on MySQL, because the driver or the session would change values silently.
if (targetRuns(mysqlTarget)) {
  describe('MySQL connection checks', () => {
    const database = `rk_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const pools: Pool[] = [];
    const uri = () => {
      const url = new URL(process.env.RETAILKIT_MYSQL_URL as string);
      url.pathname = `/${database}`;
      return url.toString();
    };
    /** A pool whose connections run `setup` first, as a user's `connection` handler would. */
    const poolWith = async (setup: string | undefined) => {
      const mysql = await import('mysql2');
      const pool = mysql.createPool({ uri: uri(), timezone: 'Z', connectionLimit: 2 });
      if (setup !== undefined) pool.on('connection', (connection) => connection.query(setup));
      pools.push(pool);
      return pool;
    };
    const admin = () =>
      import('mysql2/promise').then((m) =>
        m.createConnection({ uri: process.env.RETAILKIT_MYSQL_URL as string }),
      );

    beforeAll(async () => {
      const connection = await admin();
      await connection.query(`create database ${database} character set utf8mb4 collate utf8mb4_bin`);
      await connection.end();
    });
    afterAll(async () => {
      for (const pool of pools) await pool.promise().end();
      const connection = await admin();
      await connection.query(`drop database if exists ${database}`);
      await connection.end();
    });

    it('refuses a session with NO_BACKSLASH_ESCAPES, under which parameters would be stored with doubled backslashes', async () => {
      const pool = await poolWith("set session sql_mode = concat(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
      const storage = createMysqlStorage({ pool, destroyOnClose: false });
      const error = await storage.init?.().catch((caught: unknown) => caught);
      expect(isRetailKitError(error)).toBe(true);
      expect((error as Error).message).toContain('NO_BACKSLASH_ESCAPES');
    });

    it('refuses a non-strict session, under which a too-long key would be cut silently', async () => {
      const pool = await poolWith("set session sql_mode = ''");
      const storage = createMysqlStorage({ pool, destroyOnClose: false });
      const error = await storage.init?.().catch((caught: unknown) => caught);
      expect(isRetailKitError(error)).toBe(true);
      expect((error as Error).message).toContain('STRICT_TRANS_TABLES');
    });

    it('accepts the default session and keeps backslashes verbatim', async () => {
      const storage = createMysqlStorage({ pool: await poolWith(undefined), destroyOnClose: false });
      await storage.init?.();
      const at = '2025-01-01T00:00:00.000Z';
      const record = {
        id: 'a\\b',
        name: 'x\\y',
        rate: '1',
        storeRates: { s: '2\\' },
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await storage.transaction((tx) => tx.catalog.putTaxClass(record, null));
      expect(await storage.transaction((tx) => tx.catalog.getTaxClass('a\\b'))).toEqual(record);
    });
  });
}
