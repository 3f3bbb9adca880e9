import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { isRetailKitError, type StorageAdapter } from '@retailkit/core';
import type {
  InventoryRepository,
  PurchaseOrderRecord,
  ReservationRecord,
  StockLevelRecord,
  StockMovementRecord,
  TransferRecord,
} from '@retailkit/inventory';
import { rejection, validationPaths } from '@retailkit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQL_TARGETS, type SqlTarget } from '../../test/support/sql-targets.js';
import { targetRuns } from '../../test/support/target-suite.js';
import {
  createMysqlStorage,
  createPostgresStorage,
  createSqliteStorage,
  type SqlRepositories,
  type SqlStorage,
} from '../index.js';

/*
 * The repository's own promises that the inventory conformance suite (which goes through the
 * domain) does not reach: conflicts and their retryability, guards on balances the domain never
 * drives negative, exact decimal sums, JSON filters, cursors, and a table prefix (upserts must not
 * prefix the `excluded` pseudo-table).
 */

const require = createRequire(import.meta.url);
const NOW = '2025-03-01T12:00:00.000Z';
const LATER = '2025-03-01T12:00:01.000Z';
const unique = () => randomUUID().replaceAll('-', '').slice(0, 10);

/** The targets again, each with a table prefix. */
function prefixedTargets(): SqlTarget[] {
  const targets: SqlTarget[] = [];
  const sqlite = SQL_TARGETS.find((target) => target.name === 'sql:sqlite');
  targets.push({
    name: 'sql:sqlite with prefix',
    unavailable: sqlite?.unavailable,
    async create() {
      const Database = require('better-sqlite3') as new (file: string) => import('kysely').SqliteDatabase;
      return createSqliteStorage({ database: new Database(':memory:'), tablePrefix: 'rk_' });
    },
    teardown: (storage) => storage.close(),
  });
  const pgUrl = process.env.RETAILKIT_PG_URL;
  const schemas = new WeakMap<object, { pool: import('pg').Pool; schema: string }>();
  targets.push({
    name: 'sql:postgres with prefix',
    unavailable: pgUrl ? undefined : 'RETAILKIT_PG_URL is not set',
    async create() {
      const { default: pg } = await import('pg');
      const pool = new pg.Pool({ connectionString: pgUrl, max: 4 });
      const schema = `p_${unique()}`;
      const storage = createPostgresStorage({ pool, schema, tablePrefix: 'rk_', destroyOnClose: false });
      schemas.set(storage, { pool, schema });
      return storage;
    },
    async teardown(storage) {
      await storage.close();
      const made = schemas.get(storage);
      if (!made) return;
      await made.pool.query(`drop schema if exists "${made.schema}" cascade`);
      await made.pool.end();
    },
  });
  const mysqlUrl = process.env.RETAILKIT_MYSQL_URL;
  const databases = new WeakMap<object, { pool: import('mysql2').Pool; database: string }>();
  targets.push({
    name: 'sql:mysql with prefix',
    unavailable: mysqlUrl ? undefined : 'RETAILKIT_MYSQL_URL is not set',
    async create() {
      const mysql = await import('mysql2');
      const database = `p_${unique()}`;
      const admin = await import('mysql2/promise').then((m) =>
        m.createConnection({ uri: mysqlUrl as string }),
      );
      await admin.query(`create database ${database} character set utf8mb4 collate utf8mb4_bin`);
      await admin.end();
      const url = new URL(mysqlUrl as string);
      url.pathname = `/${database}`;
      const pool = mysql.createPool({ uri: url.toString(), timezone: 'Z', connectionLimit: 4 });
      const storage = createMysqlStorage({ pool, tablePrefix: 'rk_', destroyOnClose: false });
      databases.set(storage, { pool, database });
      return storage;
    },
    async teardown(storage) {
      await storage.close();
      const made = databases.get(storage);
      if (!made) return;
      await made.pool.promise().query(`drop database if exists ${made.database}`);
      await made.pool.promise().end();
    },
  });
  return targets;
}

function movement(id: string, overrides: Partial<StockMovementRecord> = {}): StockMovementRecord {
  return {
    id,
    locationId: 'berlin',
    sku: 'tea',
    reason: 'adjustment',
    subReason: 'found',
    quantity: '1',
    unitCost: null,
    referenceType: null,
    referenceId: null,
    actorId: 'tester',
    occurredAt: NOW,
    businessDate: '2025-03-01',
    note: null,
    ...overrides,
  };
}

function reservation(id: string, overrides: Partial<ReservationRecord> = {}): ReservationRecord {
  return {
    id,
    reference: 'order-1',
    locationId: 'berlin',
    status: 'open',
    lines: [{ sku: 'tea', quantity: '2', committed: '0', released: '0' }],
    expiresAt: null,
    actorId: 'tester',
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...overrides,
  };
}

function purchaseOrder(id: string, skus: readonly string[]): PurchaseOrderRecord {
  return {
    id,
    supplierId: 'acme',
    locationId: 'berlin',
    status: 'ordered',
    currency: 'EUR',
    lines: skus.map((sku) => ({ sku, ordered: '5', received: '0', unitCost: '1.25' })),
    expectedOn: '2025-03-10',
    suggestionId: null,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
}

function transfer(id: string, from: string, to: string, sku: string): TransferRecord {
  return {
    id,
    fromLocationId: from,
    toLocationId: to,
    status: 'draft',
    lines: [
      {
        sku,
        requested: '1',
        shipped: '0',
        received: '0',
        short: '0',
        over: '0',
        damaged: '0',
        unitCost: null,
      },
    ],
    suggestionId: null,
    shippedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
}

function level(sku: string, overrides: Partial<StockLevelRecord> = {}): StockLevelRecord {
  return {
    locationId: 'berlin',
    sku,
    onHand: '0',
    reserved: '0',
    incoming: '0',
    inTransit: '0',
    safetyStock: '0',
    backorder: 'refuse',
    backorderLimit: null,
    averageCost: null,
    updatedAt: NOW,
    ...overrides,
  };
}

function runRepositoryChecks(target: SqlTarget): void {
  if (!targetRuns(target)) return;
  describe(`SqlInventoryRepository: ${target.name}`, () => {
    let storage: StorageAdapter<SqlRepositories>;
    const write = <T>(fn: (repository: InventoryRepository) => Promise<T>) =>
      storage.transaction((tx) => fn(tx.inventory));

    beforeAll(async () => {
      storage = await target.create();
      await storage.init?.();
    }, 60_000);
    afterAll(async () => {
      await target.teardown(storage);
    });

    it('upserts locations, items and rules, and reads items in batches', async () => {
      const location = {
        id: 'berlin',
        kind: 'store' as const,
        name: 'Berlin',
        timeZone: 'Europe/Berlin',
        dayStart: '00:00',
        currency: 'EUR',
        status: 'active' as const,
        createdAt: NOW,
      };
      await write((r) => r.putLocation(location));
      await write((r) => r.putLocation({ ...location, name: 'Berlin Mitte', status: 'closed' }));
      expect(await write((r) => r.getLocation('berlin'))).toEqual({
        ...location,
        name: 'Berlin Mitte',
        status: 'closed',
      });
      const item = {
        sku: 'tea',
        name: 'Tea',
        unit: 'each',
        scale: 0,
        categoryId: null,
        status: 'active' as const,
        createdAt: NOW,
      };
      await write(async (r) => {
        await r.putItem(item);
        await r.putItem({ ...item, sku: 'coffee', unit: 'kg', scale: 3, categoryId: 'hot' });
        await r.putItem({ ...item, name: 'Green tea' });
      });
      const items = await write((r) => r.getItems(['tea', 'missing', 'coffee', 'tea']));
      expect(items.map((found) => [found.sku, found.name, found.scale]).sort()).toEqual([
        ['coffee', 'Tea', 3],
        ['tea', 'Green tea', 0],
      ]);
      expect(await write((r) => r.getItems([]))).toEqual([]);
      expect((await write((r) => r.listItems({ categoryId: 'hot' }, { limit: 10 }))).items).toHaveLength(1);

      const rule = {
        locationId: 'berlin',
        sku: 'tea',
        reorderPoint: '5',
        method: 'fixed-quantity' as const,
        reorderQuantity: '10',
        maxLevel: null,
        leadTimeDays: 2,
        demandWindowDays: null,
        source: { kind: 'purchase' as const, supplierId: 'acme' },
        alerting: false,
        updatedAt: NOW,
      };
      await write((r) => r.putReorderRule(rule));
      await write((r) => r.putReorderRule({ ...rule, reorderPoint: '7.5' }));
      expect(await write((r) => r.getReorderRule({ locationId: 'berlin', sku: 'tea' }))).toEqual({
        ...rule,
        reorderPoint: '7.5',
      });
      const key = { locationId: 'berlin', sku: 'tea' };
      expect(await write((r) => r.switchReorderAlert(key, { from: false, to: true, now: LATER }))).toBe(true);
      expect(await write((r) => r.switchReorderAlert(key, { from: false, to: true, now: LATER }))).toBe(
        false,
      );
      expect((await write((r) => r.getReorderRule(key)))?.alerting).toBe(true);
      expect(await write((r) => r.deleteReorderRule(key))).toBe(true);
      expect(await write((r) => r.deleteReorderRule(key))).toBe(false);
      expect(await write((r) => r.switchReorderAlert(key, { from: true, to: false, now: LATER }))).toBe(
        false,
      );
    });

    it('reads the rules of locked levels together and sees its own rule writes', async () => {
      const rule = (sku: string, reorderPoint: string) => ({
        locationId: 'hamburg',
        sku,
        reorderPoint,
        method: 'up-to-max' as const,
        reorderQuantity: null,
        maxLevel: '20',
        leadTimeDays: 1,
        demandWindowDays: 7,
        source: { kind: 'transfer' as const, fromLocationId: 'depot' },
        alerting: false,
        updatedAt: NOW,
      });
      const a = { locationId: 'hamburg', sku: 'a' };
      const b = { locationId: 'hamburg', sku: 'b' };
      const c = { locationId: 'hamburg', sku: 'c' };
      await write(async (r) => {
        await r.putReorderRule(rule('a', '1'));
        await r.putReorderRule(rule('b', '2'));
      });
      const seen = await write(async (r) => {
        const floor = { availableFloor: null, now: LATER };
        await r.applyStockDelta(a, { onHand: '1' }, floor);
        await r.applyStockDelta(b, { onHand: '1' }, floor);
        await r.applyStockDelta(c, { onHand: '1' }, floor);
        const first = [await r.getReorderRule(a), await r.getReorderRule(b), await r.getReorderRule(c)];
        await r.putReorderRule(rule('b', '5'));
        await r.putReorderRule(rule('c', '6'));
        const switched = await r.switchReorderAlert(a, { from: false, to: true, now: LATER });
        const second = [await r.getReorderRule(a), await r.getReorderRule(b), await r.getReorderRule(c)];
        await r.deleteReorderRule(b);
        return { first, switched, second, deleted: await r.getReorderRule(b) };
      });
      expect(seen.first.map((found) => found?.reorderPoint)).toEqual(['1', '2', undefined]);
      expect(seen.switched).toBe(true);
      expect(seen.second.map((found) => [found?.reorderPoint, found?.alerting])).toEqual([
        ['1', true],
        ['5', false],
        ['6', false],
      ]);
      expect(seen.deleted).toBeUndefined();
    });

    it('applies deltas exactly, under every guard, creating the row when needed', async () => {
      const key = { locationId: 'berlin', sku: 'delta' };
      const applied = await write((r) =>
        r.applyStockDelta(key, { onHand: '0.1' }, { availableFloor: '0', now: NOW }),
      );
      expect(applied).toEqual(level('delta', { onHand: '0.1' }));
      const twice = await write((r) =>
        r.applyStockDelta(key, { onHand: '0.2', incoming: '1.500' }, { availableFloor: '0', now: LATER }),
      );
      expect([twice?.onHand, twice?.incoming, twice?.updatedAt]).toEqual(['0.3', '1.5', LATER]);
      // Available may not drop below the floor; a null floor skips the check.
      expect(
        await write((r) => r.applyStockDelta(key, { reserved: '0.31' }, { availableFloor: '0', now: LATER })),
      ).toBeUndefined();
      expect(
        (await write((r) => r.applyStockDelta(key, { reserved: '0.3' }, { availableFloor: '0', now: LATER })))
          ?.reserved,
      ).toBe('0.3');
      expect(
        (await write((r) => r.applyStockDelta(key, { onHand: '-2' }, { availableFloor: '-2', now: LATER })))
          ?.onHand,
      ).toBe('-1.7');
      expect(
        await write((r) =>
          r.applyStockDelta(key, { onHand: '-0.001' }, { availableFloor: '-2', now: LATER }),
        ),
      ).toBeUndefined();
      expect(
        (await write((r) => r.applyStockDelta(key, { onHand: '-10' }, { availableFloor: null, now: LATER })))
          ?.onHand,
      ).toBe('-11.7');
      // Reserved, incoming and in transit never go negative.
      for (const delta of [{ reserved: '-0.31' }, { incoming: '-1.6' }, { inTransit: '-1' }]) {
        expect(
          await write((r) => r.applyStockDelta(key, delta, { availableFloor: null, now: LATER })),
          JSON.stringify(delta),
        ).toBeUndefined();
      }
      // A balance already negative (a rebuild can write one) fails every change, changed or not.
      await write((r) => r.putLevel(level('negative', { inTransit: '-1', onHand: '5' })));
      expect(
        await write((r) =>
          r.applyStockDelta(
            { locationId: 'berlin', sku: 'negative' },
            { onHand: '1' },
            { availableFloor: null, now: LATER },
          ),
        ),
      ).toBeUndefined();
      // A guard failing on a key with no row leaves no row behind once the transaction rolls back.
      const missing = { locationId: 'berlin', sku: 'never' };
      await expect(
        write(async (r) => {
          const result = await r.applyStockDelta(
            missing,
            { reserved: '1' },
            { availableFloor: '0', now: NOW },
          );
          throw new Error(result === undefined ? 'refused' : 'applied');
        }),
      ).rejects.toThrow('refused');
      expect(await write((r) => r.getLevel(missing))).toBeUndefined();
      expect((await write((r) => r.getLevel(key)))?.onHand).toBe('-11.7');
    });

    it('updates level settings alone, creating a zero row, and overwrites levels', async () => {
      const key = { locationId: 'berlin', sku: 'settings' };
      const created = await write((r) => r.updateLevelSettings(key, { now: NOW }));
      expect(created).toEqual(level('settings'));
      await write((r) => r.applyStockDelta(key, { onHand: '4' }, { availableFloor: '0', now: NOW }));
      const set = await write((r) =>
        r.updateLevelSettings(key, {
          backorder: 'allow',
          backorderLimit: '2.5',
          averageCost: '1.234567',
          now: LATER,
        }),
      );
      expect(set).toEqual(
        level('settings', {
          onHand: '4',
          backorder: 'allow',
          backorderLimit: '2.5',
          averageCost: '1.234567',
          updatedAt: LATER,
        }),
      );
      const cleared = await write((r) =>
        r.updateLevelSettings(key, { backorderLimit: null, safetyStock: '3', now: NOW }),
      );
      expect([cleared.backorder, cleared.backorderLimit, cleared.safetyStock, cleared.averageCost]).toEqual([
        'allow',
        null,
        '3',
        '1.234567',
      ]);
      await write((r) => r.putLevel(level('settings', { onHand: '9.000', reserved: '1.5' })));
      expect(await write((r) => r.getLevel(key))).toEqual(
        level('settings', { onHand: '9', reserved: '1.5' }),
      );
      const page = await write((r) => r.listLevels({ sku: 'settings' }, { limit: 5 }));
      expect(page.items.map((row) => row.sku)).toEqual(['settings']);
    });

    it('refuses duplicate movement ids without writing any of the batch, and sums movements exactly', async () => {
      await write((r) =>
        r.appendMovements([
          movement('m1', { sku: 'sum', quantity: '0.1' }),
          movement('m2', { sku: 'sum', quantity: '0.2', occurredAt: LATER }),
          movement('m3', { sku: 'zero', quantity: '5' }),
          movement('m4', { sku: 'zero', quantity: '-5', reason: 'sale', subReason: null, note: "it's" }),
          movement('m5', { locationId: 'munich', sku: 'sum', quantity: '-0.000000001' }),
        ]),
      );
      for (const batch of [
        [movement('m6'), movement('m1', { locationId: 'munich' })],
        [movement('m7'), movement('m7')],
      ]) {
        const error = await rejection(write((r) => r.appendMovements(batch)));
        expect(isRetailKitError(error, 'CONFLICT') && error.retryable).toBe(false);
      }
      const all = await write((r) => r.listMovements({}, { limit: 100 }));
      expect(all.items.map((row) => row.id)).toEqual(['m1', 'm3', 'm4', 'm5', 'm2']);
      expect(all.items[2]).toEqual(
        movement('m4', { sku: 'zero', quantity: '-5', reason: 'sale', subReason: null, note: "it's" }),
      );
      expect(await write((r) => r.movementTotals({}))).toEqual([
        { locationId: 'berlin', sku: 'sum', quantity: '0.3' },
        { locationId: 'berlin', sku: 'zero', quantity: '0' },
        { locationId: 'munich', sku: 'sum', quantity: '-0.000000001' },
      ]);
      expect(await write((r) => r.movementTotals({ sku: 'sum', from: LATER }))).toEqual([
        { locationId: 'berlin', sku: 'sum', quantity: '0.2' },
      ]);
      expect(await write((r) => r.movementTotals({ reasons: ['sale'], to: LATER }))).toEqual([
        { locationId: 'berlin', sku: 'zero', quantity: '-5' },
      ]);
      expect(await write((r) => r.movementTotals({ reasons: [] }))).toEqual([]);
      expect((await write((r) => r.listMovements({ reasons: [] }, { limit: 10 }))).items).toEqual([]);

      // Pages of one row walk the ledger in (occurredAt, id) order.
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page: Awaited<ReturnType<InventoryRepository['listMovements']>> = await write((r) =>
          r.listMovements({ locationId: 'berlin' }, after === undefined ? { limit: 1 } : { limit: 1, after }),
        );
        seen.push(...page.items.map((row) => row.id));
        after = page.nextCursor ?? undefined;
      } while (after !== undefined);
      expect(seen).toEqual(['m1', 'm3', 'm4', 'm2']);

      for (const after of ['nope', '["m1"]', '["2025-03-01 12:00:00","m1"]', '[1,2]']) {
        const error = await rejection(write((r) => r.listMovements({}, { limit: 5, after })));
        expect(validationPaths(error), after).toEqual(['after']);
      }
      expect(validationPaths(await rejection(write((r) => r.listLocations({}, { limit: 0 }))))).toEqual([
        'limit',
      ]);
    });

    it('names the movement id that exists, and keeps none of a refused batch when the caller goes on', async () => {
      await write((r) => r.appendMovements([movement('dup-1', { sku: 'dup' })]));
      const kept = await write(async (r) => {
        const error = await rejection(
          r.appendMovements([
            movement('dup-0', { sku: 'dup' }),
            movement('dup-1', { sku: 'dup', locationId: 'munich' }),
            movement('dup-2', { sku: 'dup' }),
          ]),
        );
        expect(isRetailKitError(error, 'CONFLICT') && error.details).toMatchObject({ id: 'dup-1' });
        return (await r.listMovements({ sku: 'dup' }, { limit: 10 })).items.map((row) => row.id);
      });
      expect(kept).toEqual(['dup-1']);
    });

    it('pages on past a key holding NUL where the engine can store one', async () => {
      // PostgreSQL text cannot hold NUL (such a key never exists there); SQLite and MySQL can.
      if ((storage as SqlStorage).family === 'postgres') return;
      const skus = ['nul\u0000a', 'nul\u0000b', 'nul~'];
      await write(async (r) => {
        for (const sku of skus) {
          await r.putItem({
            sku,
            name: 'NUL',
            unit: 'each',
            scale: 0,
            categoryId: 'nul-category',
            status: 'active',
            createdAt: NOW,
          });
        }
      });
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page: Awaited<ReturnType<InventoryRepository['listItems']>> = await write((r) =>
          r.listItems(
            { categoryId: 'nul-category' },
            after === undefined ? { limit: 1 } : { limit: 1, after },
          ),
        );
        seen.push(...page.items.map((row) => row.sku));
        after = page.nextCursor ?? undefined;
      } while (after !== undefined);
      expect(seen).toEqual(skus);
    });

    it('refuses a change of one level in many transactions at once without deadlocks', async () => {
      // MySQL: a refused update followed by an insert that hits the existing row left a shared
      // lock, which every refused transaction then tried to upgrade for its second update.
      const existing = { locationId: 'berlin', sku: 'sold-out' };
      await write((r) => r.applyStockDelta(existing, { onHand: '1' }, { availableFloor: null, now: NOW }));
      for (const [key, delta] of [
        [existing, { reserved: '2' }],
        [{ locationId: 'berlin', sku: 'never-stocked' }, { reserved: '1' }],
      ] as const) {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 24 }, () =>
            write((r) => r.applyStockDelta(key, delta, { availableFloor: '0', now: LATER })),
          ),
        );
        expect(
          outcomes.map((outcome) =>
            outcome.status === 'fulfilled' ? outcome.value : String(outcome.reason),
          ),
          key.sku,
        ).toEqual(outcomes.map(() => undefined));
      }
      expect((await write((r) => r.getLevel(existing)))?.reserved).toBe('0');
    }, 60_000);

    it('inserts documents once, and updates them only at the expected version', async () => {
      await write((r) => r.insertReservation(reservation('r1', { expiresAt: LATER })));
      const duplicate = await rejection(
        write((r) => r.insertReservation(reservation('r1', { locationId: 'munich' }))),
      );
      expect(isRetailKitError(duplicate, 'CONFLICT') && duplicate.retryable).toBe(false);
      expect(await write((r) => r.getReservation('r1'))).toEqual(reservation('r1', { expiresAt: LATER }));

      await write((r) =>
        r.updateReservation(reservation('r1', { status: 'committed', expiresAt: LATER, version: 99 }), 1),
      );
      expect(await write((r) => r.getReservation('r1'))).toMatchObject({ status: 'committed', version: 2 });
      const stale = await rejection(write((r) => r.updateReservation(reservation('r1'), 1)));
      expect(isRetailKitError(stale, 'CONFLICT') && stale.retryable).toBe(true);
      expect(isRetailKitError(stale) && stale.details).toMatchObject({
        expectedVersion: 1,
        actualVersion: 2,
      });
      const missing = await rejection(write((r) => r.updateReservation(reservation('nope'), 1)));
      expect(isRetailKitError(missing, 'NOT_FOUND')).toBe(true);

      const expiring = await write((r) =>
        r.listReservations({ expiresBefore: '2025-03-01T12:00:01.001Z' }, { limit: 10 }),
      );
      expect(expiring.items.map((row) => row.id)).toEqual(['r1']);
      expect((await write((r) => r.listReservations({ expiresBefore: LATER }, { limit: 10 }))).items).toEqual(
        [],
      );
    });

    it('filters documents by the SKUs of their lines and transfers by either end', async () => {
      await write(async (r) => {
        await r.insertPurchaseOrder(purchaseOrder('po1', ['tea', 'coffee']));
        await r.insertPurchaseOrder(purchaseOrder('po2', ['tea%']));
        await r.insertPurchaseOrder({ ...purchaseOrder('po3', ['Tea']), expectedOn: null, status: 'draft' });
        await r.insertTransfer(transfer('t1', 'berlin', 'munich', 'tea'));
        await r.insertTransfer(transfer('t2', 'munich', 'hamburg', '"quoted" \\ 🍵'));
        await r.insertTransfer(transfer('t3', 'hamburg', 'berlin', 'coffee'));
      });
      const orders = async (filter: Parameters<InventoryRepository['listPurchaseOrders']>[0]) =>
        (await write((r) => r.listPurchaseOrders(filter, { limit: 10 }))).items.map((row) => row.id);
      expect(await orders({ sku: 'tea' })).toEqual(['po1']);
      expect(await orders({ sku: 'tea%' })).toEqual(['po2']);
      expect(await orders({ sku: 'Tea' })).toEqual(['po3']);
      expect(await orders({ statuses: ['ordered'] })).toEqual(['po1', 'po2']);
      expect(await orders({ statuses: [] })).toEqual([]);
      expect(await write((r) => r.getPurchaseOrder('po1'))).toEqual(purchaseOrder('po1', ['tea', 'coffee']));
      expect((await write((r) => r.getPurchaseOrder('po3')))?.expectedOn).toBeNull();

      const transfers = async (filter: Parameters<InventoryRepository['listTransfers']>[0]) =>
        (await write((r) => r.listTransfers(filter, { limit: 10 }))).items.map((row) => row.id);
      expect(await transfers({ locationId: 'berlin' })).toEqual(['t1', 't3']);
      expect(await transfers({ locationId: 'munich', toLocationId: 'hamburg' })).toEqual(['t2']);
      expect(await transfers({ sku: '"quoted" \\ 🍵' })).toEqual(['t2']);
      expect(await write((r) => r.getTransfer('t2'))).toEqual(
        transfer('t2', 'munich', 'hamburg', '"quoted" \\ 🍵'),
      );
    });
  });
}

for (const target of [...SQL_TARGETS, ...prefixedTargets()]) runRepositoryChecks(target);
