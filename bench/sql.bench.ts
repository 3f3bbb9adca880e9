import { createCommandRunner, uuidV7Ids } from '@retailkit/core';
import { createInventory, type Inventory } from '@retailkit/inventory';
import {
  createPGliteStorage,
  createPostgresStorage,
  type PGliteLike,
  type SqlStorage,
} from '@retailkit/storage-sql';
import { afterAll, bench, describe } from 'vitest';
import { pgliteRawTransaction, pgRawTransaction, type RawTransaction } from './raw-transaction.js';

// Reservations through retailkit on SQL, each beside a raw baseline: hand-written SQL doing the
// same writes (a guarded update per line, a ledger row, a reservation row, an outbox row) in one
// transaction, through the same pool, in the same run. Two workloads:
// - hot SKU: 32 clients reserving one unit of the same SKU at once (the row lock is the bottleneck);
// - uncontended: one client reserving 3 lines of SKUs nobody else touches.
// Figures are steady-state reservations per second; the ratio is ours ÷ raw (target ≥ 0.7).

const CLIENTS = 32;
const PER_CLIENT = 4;
const SKUS = 300;
const STOCK = '1000000000';
const RUN = { time: 3_000, warmupTime: 500 };
const admin = { actor: { id: 'bench', roles: ['admin'] } };
const cashier = { actor: { id: 'till-1', roles: ['cashier'], storeIds: ['berlin'] } };

interface Target {
  readonly name: string;
  readonly storage: SqlStorage;
  readonly raw: RawTransaction;
  readonly rawSchema: string;
  close(): Promise<void>;
}

const stamp = Date.now().toString(36);

async function postgresTarget(): Promise<Target | undefined> {
  const url = process.env.RETAILKIT_PG_URL;
  if (!url) {
    console.warn('[bench] RETAILKIT_PG_URL is not set: skipping the PostgreSQL figures');
    return undefined;
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  const schema = `bench_rk_${stamp}`;
  const rawSchema = `bench_raw_${stamp}`;
  return {
    name: 'PostgreSQL',
    storage: createPostgresStorage({ pool, schema, destroyOnClose: false }),
    rawSchema,
    raw: pgRawTransaction(pool),
    async close() {
      await pool.query(`drop schema if exists ${schema} cascade`);
      await pool.query(`drop schema if exists ${rawSchema} cascade`);
      await pool.end();
    },
  };
}

async function pgliteTarget(): Promise<Target> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create();
  return {
    name: 'PGlite',
    storage: createPGliteStorage({ pglite: pglite as unknown as PGliteLike }),
    rawSchema: 'raw',
    raw: pgliteRawTransaction(pglite as unknown as PGliteLike),
    async close() {
      await pglite.close();
    },
  };
}

async function setUp(target: Target): Promise<Inventory> {
  const inventory = createInventory({ runner: createCommandRunner({ storage: target.storage }) });
  await inventory.defineLocation(
    { id: 'berlin', kind: 'store', name: 'Berlin', timeZone: 'Europe/Berlin', currency: 'EUR' },
    admin,
  );
  const skus = ['hot', ...Array.from({ length: SKUS }, (_, i) => `sku-${i}`)];
  for (const sku of skus) await inventory.registerItem({ sku, name: `Item ${sku}` }, admin);
  for (let i = 0; i < skus.length; i += 50) {
    const lines = skus.slice(i, i + 50).map((sku) => ({ sku, quantity: STOCK, reason: 'found' as const }));
    await inventory.adjustStock({ locationId: 'berlin', lines }, admin);
  }
  const s = target.rawSchema;
  await target.raw(async (query) => {
    await query(`create schema if not exists ${s}`, []);
    await query(
      `create table ${s}.stock_levels (location_id text collate "C", sku text collate "C", on_hand numeric not null,
        reserved numeric not null, updated_at timestamptz not null, primary key (location_id, sku))`,
      [],
    );
    await query(
      `create table ${s}.stock_movements (location_id text collate "C", id text collate "C", sku text not null,
        quantity numeric not null, reason text not null, occurred_at timestamptz not null, primary key (location_id, id))`,
      [],
    );
    await query(
      `create table ${s}.reservations (location_id text collate "C", id text collate "C", reference text not null,
        lines jsonb not null, status text not null, created_at timestamptz not null, version integer not null,
        primary key (location_id, id))`,
      [],
    );
    await query(
      `create table ${s}.outbox_events (position bigint generated always as identity primary key, id text not null unique,
        stream text not null, type text not null, payload jsonb not null, occurred_at timestamptz not null)`,
      [],
    );
    for (const sku of skus) {
      await query(`insert into ${s}.stock_levels values ('berlin', $1, $2, 0, now())`, [sku, STOCK]);
    }
  });
  return inventory;
}

/** The hand-written reservation: guarded update per line, then ledger, reservation and outbox rows. */
async function rawReserve(target: Target, reference: string, skus: readonly string[]): Promise<void> {
  const s = target.rawSchema;
  await target.raw(async (query) => {
    const now = new Date().toISOString();
    for (const sku of skus) {
      const { rows } = await query(
        `update ${s}.stock_levels set reserved = reserved + 1, updated_at = $3
         where location_id = $1 and sku = $2 and on_hand - reserved >= 1 returning on_hand`,
        ['berlin', sku, now],
      );
      if (rows.length === 0) throw new Error(`insufficient ${sku}`);
    }
    const id = uuidV7Ids.next();
    const lines = JSON.stringify(skus.map((sku) => ({ sku, quantity: '1' })));
    await query(
      `insert into ${s}.stock_movements (location_id, id, sku, quantity, reason, occurred_at)
       select 'berlin', $1 || '-' || n, sku, 0, 'reserve', $2 from unnest($3::text[]) with ordinality as l(sku, n)`,
      [id, now, skus],
    );
    await query(`insert into ${s}.reservations values ('berlin', $1, $2, $3, 'open', $4, 1)`, [
      id,
      reference,
      lines,
      now,
    ]);
    await query(
      `insert into ${s}.outbox_events (id, stream, type, payload, occurred_at) values ($1, $2, 'reserved', $3, $4)`,
      [uuidV7Ids.next(), `reservation:${id}`, lines, now],
    );
  });
}

interface Tally {
  done: number;
  ms: number;
}
const tallies = new Map<string, Tally>();
async function timed(key: string, count: number, work: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  await work();
  const tally = tallies.get(key) ?? { done: 0, ms: 0 };
  tally.done += count;
  tally.ms += performance.now() - t0;
  tallies.set(key, tally);
}

const targets = [await postgresTarget(), await pgliteTarget()].filter((target) => target !== undefined);
const inventories = new Map<string, Inventory>();
for (const target of targets) inventories.set(target.name, await setUp(target));
let n = 0;

for (const target of targets) {
  const inventory = inventories.get(target.name) as Inventory;
  const rotate = (): string[] => {
    n += 1;
    return [0, 1, 2].map((k) => `sku-${(n * 3 + k) % SKUS}`);
  };

  describe(`${target.name}: hot SKU, ${CLIENTS} clients × ${PER_CLIENT} reservations of 1 unit`, () => {
    bench(
      'retailkit',
      () =>
        timed(`${target.name}/hot/ours`, CLIENTS * PER_CLIENT, () =>
          Promise.all(
            Array.from({ length: CLIENTS }, async (_, c) => {
              for (let i = 0; i < PER_CLIENT; i++) {
                await inventory.reserveStock(
                  {
                    reference: `hot-${c}-${i}`,
                    locationId: 'berlin',
                    lines: [{ sku: 'hot', quantity: '1' }],
                  },
                  cashier,
                );
              }
            }),
          ),
        ),
      RUN,
    );
    bench(
      'raw SQL',
      () =>
        timed(`${target.name}/hot/raw`, CLIENTS * PER_CLIENT, () =>
          Promise.all(
            Array.from({ length: CLIENTS }, async (_, c) => {
              for (let i = 0; i < PER_CLIENT; i++) await rawReserve(target, `hot-${c}-${i}`, ['hot']);
            }),
          ),
        ),
      RUN,
    );
  });

  describe(`${target.name}: uncontended reservation of 3 lines`, () => {
    bench(
      'retailkit',
      () =>
        timed(`${target.name}/three/ours`, 1, () =>
          inventory.reserveStock(
            {
              reference: `three-${n}`,
              locationId: 'berlin',
              lines: rotate().map((sku) => ({ sku, quantity: '1' })),
            },
            cashier,
          ),
        ),
      RUN,
    );
    bench(
      'raw SQL',
      () => timed(`${target.name}/three/raw`, 1, () => rawReserve(target, `three-${n}`, rotate())),
      RUN,
    );
  });
}

afterAll(async () => {
  const rate = (key: string) => {
    const tally = tallies.get(key);
    return tally ? tally.done / (tally.ms / 1000) : Number.NaN;
  };
  const fmt = (value: number) => Math.round(value).toLocaleString('en-US');
  for (const target of targets) {
    const inventory = inventories.get(target.name) as Inventory;
    for (const workload of ['hot', 'three']) {
      const ours = rate(`${target.name}/${workload}/ours`);
      const raw = rate(`${target.name}/${workload}/raw`);
      console.log(
        `sql reservations/s — ${target.name}, ${workload === 'hot' ? `hot SKU × ${CLIENTS} clients` : 'uncontended 3-line'}: ` +
          `retailkit ${fmt(ours)}, raw SQL ${fmt(raw)}, ratio ${(ours / raw).toFixed(2)}× (target ≥ 0.70×)`,
      );
    }
    const hot = await inventory.getStockLevel({ locationId: 'berlin', sku: 'hot' }, admin);
    const audit = await inventory.verifyStock({ locationId: 'berlin' }, admin);
    const oversold = Math.max(0, Number(hot.reserved) - Number(hot.onHand));
    console.log(
      `sql bench — ${target.name}: hot SKU reserved ${hot.reserved} of ${hot.onHand}, oversold ${oversold}, ` +
        `${audit.drifts.length} drifts between levels, ledger and reservations`,
    );
    await target.storage.close();
    await target.close();
  }
});
