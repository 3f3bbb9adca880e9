import { readFileSync } from 'node:fs';
import { uuidV7Ids } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import {
  createPGliteStorage,
  createPostgresStorage,
  type PGliteLike,
  type SqlStorage,
} from '@retailkit/storage-sql';
import { createRetailKit, type RetailKit } from 'retailkit';
import { afterAll, bench, describe } from 'vitest';
import {
  pgliteRawTransaction,
  pgRawTransaction,
  type RawQuery,
  type RawTransaction,
} from './raw-transaction.js';

// One order cycle = three commands through createRetailKit: createOrder (2 lines, place: true:
// priced from the catalog, stock reserved), recordPayment (the full total), fulfilOrder (every
// line: the reservation committed, stock sold). On PGlite and PostgreSQL each figure stands beside
// a raw baseline: the same three transactions hand-written in SQL (READ COMMITTED, through the same
// pool or instance), writing the same rows into the kit's own tables: the order row (then updated
// under a version check), its history, the guarded stock level updates (reserve, then on hand and
// reserved on commit), the reservation, the sale movements and the outbox events with their stream
// counters. The raw side reads only what a hand-written app must (prices, the locked order row).
// Workloads: 1 client, and CLIENTS clients at once, each on SKUs and orders of its own.
// Figures are orders/s; the ratio is retailkit ÷ raw (target ≥ 0.5).

const CLIENTS = 8;
const STOCK = 1_000_000_000;
const RUN = { time: 2_000, warmupTime: 300, iterations: 1, warmupIterations: 1 };
/** Cycles run statement by statement, counted, to show where a cycle's time goes. */
const PROFILED_CYCLES = 8;
const admin = { actor: { id: 'bench', roles: ['admin'] } };
const cashier = { actor: { id: 'till-1', roles: ['cashier'], storeIds: ['berlin'] } };
const clerk = { actor: { id: 'clerk-1', roles: ['clerk'], storeIds: ['berlin'] } };
const loadAtStart = readFileSync('/proc/loadavg', 'utf8').trim();

/** SKU codes of one length (`k-07`, `r-12`), so raw rows copy the kit's JSON byte for byte. */
const code = (side: 'k' | 'r', index: number) => `${side}-${String(index).padStart(2, '0')}`;
/** The two SKUs of client (or rotation slot) `slot`: one unit of the first, two of the second. */
const pairOf = (side: 'k' | 'r', slot: number): [string, string] => [
  code(side, 2 * slot),
  code(side, 2 * slot + 1),
];
const ALL_SKUS = (['k', 'r'] as const).flatMap((side) =>
  Array.from({ length: 2 * CLIENTS }, (_, i) => code(side, i)),
);

/** Statement counts and time by statement shape and by command, while a profile is being taken. */
interface StatementProfile {
  statements: number;
  /** Node CPU (user + system) spent over the profiled cycles, in ms. */
  cpuMs: number;
  readonly shapes: Map<string, { count: number; ms: number }>;
  readonly commands: Map<string, number>;
}
let profile: StatementProfile | undefined;
/** The command a cycle is running, for counting statements by command (sequential profiles only). */
let command = '';

/** The statement without its parameters, cut to what tells it apart (`update "stock_levels" set …`). */
function shapeOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.search(/ (values|where|select e\.)/i);
  return (cut > 0 ? flat.slice(0, cut) : flat).slice(0, 90);
}

async function counted<T>(text: string, run: () => Promise<T>): Promise<T> {
  const current = profile;
  if (!current) return run();
  const t0 = performance.now();
  try {
    return await run();
  } finally {
    const shape = shapeOf(text);
    const entry = current.shapes.get(shape) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += performance.now() - t0;
    current.shapes.set(shape, entry);
    current.statements += 1;
    current.commands.set(command, (current.commands.get(command) ?? 0) + 1);
  }
}

interface Target {
  readonly name: string;
  readonly kit: RetailKit;
  /** Schema-qualified table names; undefined for memory (no raw baseline). */
  readonly sql?: { readonly schema: string; readonly raw: RawTransaction };
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
  // Count every statement of every client, the kit's and the raw baseline's alike.
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      const text = typeof first === 'string' ? first : String((first as { text?: string }).text ?? '');
      return typeof args[args.length - 1] === 'function'
        ? query(...args)
        : counted(text, () => query(...args));
    };
  });
  const schema = `bench_orders_${stamp}`;
  const storage: SqlStorage = createPostgresStorage({ pool, schema, destroyOnClose: false });
  return {
    name: 'PostgreSQL',
    kit: createRetailKit({ storage }),
    sql: {
      schema,
      raw: pgRawTransaction(pool),
    },
    async close() {
      await storage.close();
      await pool.query(`drop schema if exists ${schema} cascade`);
      await pool.end();
    },
  };
}

async function pgliteTarget(): Promise<Target> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create();
  // The instance the kit and the baseline share, counting each statement.
  const counting: PGliteLike = {
    query: (text, params) => counted(text, () => pglite.query(text, params)),
    transaction: (callback) =>
      pglite.transaction((tx) =>
        callback({
          query: (text, params) => counted(text, () => tx.query(text, params)),
          rollback: () => tx.rollback(),
        }),
      ),
    close: () => pglite.close(),
  };
  const schema = 'bench_orders';
  const storage = createPGliteStorage({ pglite: counting, schema });
  return {
    name: 'PGlite',
    kit: createRetailKit({ storage }),
    sql: {
      schema,
      raw: pgliteRawTransaction(counting),
    },
    async close() {
      await storage.close();
      await pglite.close();
    },
  };
}

function memoryTarget(): Target {
  const storage = createMemoryStorage();
  return {
    name: 'memory',
    kit: createRetailKit({ storage: storage as unknown as Parameters<typeof createRetailKit>[0]['storage'] }),
    close: () => storage.close(),
  };
}

/** A catalog and stock for every SKU: priced, taxed, 1e9 units on hand in Berlin. */
async function seed(kit: RetailKit): Promise<void> {
  await kit.catalog.createTaxClass({ id: 'standard', name: 'Standard', rate: '19' }, admin);
  await kit.catalog.createProduct({ id: 'tea', name: 'Tea', taxClassId: 'standard' }, admin);
  await kit.inventory.defineLocation(
    { id: 'berlin', kind: 'store', name: 'Berlin', timeZone: 'Europe/Berlin', currency: 'EUR' },
    admin,
  );
  for (const sku of ALL_SKUS) {
    await kit.catalog.createSku(
      { code: sku, productId: 'tea', options: {}, listPrices: [{ amount: '4.99', currency: 'EUR' }] },
      admin,
    );
    await kit.inventory.registerItem({ sku, name: sku }, admin);
  }
  await kit.inventory.adjustStock(
    {
      locationId: 'berlin',
      lines: ALL_SKUS.map((sku) => ({ sku, quantity: STOCK, reason: 'found' as const, unitCost: '2.00' })),
    },
    admin,
  );
}

/** Units sold per SKU by completed cycles, per target: what on hand must have dropped by. */
const sold = new Map<string, Map<string, number>>();
const cycles = new Map<string, number>();
function recordSale(target: string, side: 'kit' | 'raw', [a, b]: readonly [string, string]): void {
  const units = sold.get(target) ?? new Map<string, number>();
  units.set(a, (units.get(a) ?? 0) + 1);
  units.set(b, (units.get(b) ?? 0) + 2);
  sold.set(target, units);
  cycles.set(`${target}/${side}`, (cycles.get(`${target}/${side}`) ?? 0) + 1);
}

/** One order cycle through the kit. */
async function kitCycle(target: Target, pair: readonly [string, string]): Promise<string> {
  const { orders } = target.kit;
  command = 'place';
  const order = await orders.createOrder(
    {
      storeId: 'berlin',
      channel: 'pickup',
      lines: [
        { sku: pair[0], quantity: 1 },
        { sku: pair[1], quantity: 2 },
      ],
      place: true,
    },
    cashier,
  );
  const ref = { storeId: 'berlin', orderId: order.id };
  command = 'pay';
  await orders.recordPayment({ ...ref, key: 'pay-1', tender: 'card', amount: order.totals.total }, cashier);
  command = 'fulfil';
  await orders.fulfilOrder(ref, clerk);
  recordSale(target.name, 'kit', pair);
  return order.id;
}

/** An outbox event as the kit wrote it, to be written again by the baseline. */
interface EventTemplate {
  readonly type: string;
  readonly stream: 'order' | 'reservation';
  readonly payload: string;
}
interface HistoryTemplate {
  readonly event: string;
  readonly from: string;
  readonly to: string;
  readonly details: string;
}
/**
 * The JSON the kit wrote for one cycle (order bodies, reservation lines, history details, event
 * payloads), so raw rows carry documents of the same size. `fill` puts the raw cycle's ids and SKUs
 * in place of the template's.
 */
interface CycleTemplate {
  readonly orderId: string;
  readonly reservationId: string;
  readonly pair: readonly [string, string];
  readonly bodies: { readonly placed: string; readonly paid: string; readonly fulfilled: string };
  readonly reservationLines: { readonly open: string; readonly committed: string };
  readonly history: readonly HistoryTemplate[];
  readonly events: {
    readonly create: readonly EventTemplate[];
    readonly pay: readonly EventTemplate[];
    readonly fulfil: readonly EventTemplate[];
  };
  readonly businessDate: string;
}

/** Runs one kit cycle command by command and keeps the JSON it wrote. */
async function captureTemplate(target: Target & { sql: NonNullable<Target['sql']> }): Promise<CycleTemplate> {
  const { orders } = target.kit;
  const s = target.sql.schema;
  const pair = pairOf('k', 0);
  const read = (text: string, params: unknown[]) =>
    target.sql.raw(async (query) => (await query(text, params)).rows);
  const bodyOf = async (id: string) =>
    String((await read(`select body::text as body from ${s}.orders where id = $1`, [id]))[0]?.body);
  const order = await orders.createOrder(
    {
      storeId: 'berlin',
      channel: 'pickup',
      lines: [
        { sku: pair[0], quantity: 1 },
        { sku: pair[1], quantity: 2 },
      ],
      place: true,
    },
    cashier,
  );
  const placed = await bodyOf(order.id);
  const [reservation] = await read(
    `select id, lines::text as lines from ${s}.reservations where reference = $1`,
    [order.id],
  );
  const ref = { storeId: 'berlin', orderId: order.id };
  await orders.recordPayment({ ...ref, key: 'pay-1', tender: 'card', amount: order.totals.total }, cashier);
  const paid = await bodyOf(order.id);
  await orders.fulfilOrder(ref, clerk);
  recordSale(target.name, 'kit', pair);
  const fulfilled = await bodyOf(order.id);
  const reservationId = String(reservation?.id);
  const [committed] = await read(`select lines::text as lines from ${s}.reservations where id = $1`, [
    reservationId,
  ]);
  const history = await read(
    `select event, from_state, to_state, details::text as details from ${s}.order_history where order_id = $1 order by sequence`,
    [order.id],
  );
  const events = await read(
    `select type, stream, command, payload::text as payload from ${s}.outbox_events where stream in ($1, $2) order by position`,
    [`order:${order.id}`, `reservation:${reservationId}`],
  );
  const [movement] = await read(
    `select to_char(business_date, 'YYYY-MM-DD') as day from ${s}.stock_movements where reference_id = $1 limit 1`,
    [reservationId],
  );
  const eventsOf = (command: string): EventTemplate[] =>
    events
      .filter((event) => event.command === command)
      .map((event) => ({
        type: String(event.type),
        stream: String(event.stream).startsWith('order:') ? 'order' : 'reservation',
        payload: String(event.payload),
      }));
  return {
    orderId: order.id,
    reservationId,
    pair,
    bodies: { placed, paid, fulfilled },
    reservationLines: { open: String(reservation?.lines), committed: String(committed?.lines) },
    history: history.map((entry) => ({
      event: String(entry.event),
      from: String(entry.from_state),
      to: String(entry.to_state),
      details: String(entry.details),
    })),
    events: {
      create: eventsOf('orders.create'),
      pay: eventsOf('orders.record-payment'),
      fulfil: eventsOf('orders.fulfil'),
    },
    businessDate: String(movement?.day),
  };
}

/** The template's JSON with the raw cycle's order, reservation and SKUs in place of its own. */
function fill(
  json: string,
  template: CycleTemplate,
  ids: { orderId: string; reservationId: string },
  pair: readonly [string, string],
): string {
  return json
    .replaceAll(template.orderId, ids.orderId)
    .replaceAll(template.reservationId, ids.reservationId)
    .replaceAll(`"${template.pair[0]}"`, `"${pair[0]}"`)
    .replaceAll(`"${template.pair[1]}"`, `"${pair[1]}"`);
}

/** Appends events with gapless per-stream sequence numbers, as the kit's outbox does: one statement. */
async function rawOutbox(
  query: RawQuery,
  s: string,
  events: readonly { stream: string; type: string; payload: string }[],
  meta: { at: string; actorId: string; command: string },
): Promise<void> {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.stream, (counts.get(event.stream) ?? 0) + 1);
  const streams = [...counts.keys()].sort();
  const left = new Map(counts);
  const backs = events.map((event) => {
    const back = (left.get(event.stream) as number) - 1;
    left.set(event.stream, back);
    return back;
  });
  await query(
    `with counters as (
       insert into ${s}.outbox_streams as st (stream, last_seq) select * from unnest($1::text[], $2::int[])
       on conflict (stream) do update set last_seq = st.last_seq + excluded.last_seq
       returning stream, last_seq)
     insert into ${s}.outbox_events (id, stream, stream_seq, type, store_id, occurred_at, actor_id, command, payload, schema_version)
     select e.id, e.stream, c.last_seq - e.back, e.type, 'berlin', $3, $4, $5, e.payload::jsonb, 1
     from unnest($6::text[], $7::text[], $8::int[], $9::text[], $10::text[]) with ordinality as e (id, stream, back, type, payload, ord)
     join counters c on c.stream = e.stream order by e.ord`,
    [
      streams,
      streams.map((stream) => counts.get(stream)),
      meta.at,
      meta.actorId,
      meta.command,
      events.map(() => uuidV7Ids.next()),
      events.map((event) => event.stream),
      backs,
      events.map((event) => event.type),
      events.map((event) => event.payload),
    ],
  );
}

/** The same cycle hand-written: three transactions writing the rows the kit writes. */
async function rawCycle(
  target: Target & { sql: NonNullable<Target['sql']> },
  template: CycleTemplate,
  pair: readonly [string, string],
): Promise<void> {
  const { raw, schema: s } = target.sql;
  const ids = { orderId: uuidV7Ids.next(), reservationId: uuidV7Ids.next() };
  const json = (text: string) => fill(text, template, ids, pair);
  const streamOf = (event: EventTemplate) =>
    event.stream === 'order' ? `order:${ids.orderId}` : `reservation:${ids.reservationId}`;
  const events = (list: readonly EventTemplate[]) =>
    list.map((event) => ({ stream: streamOf(event), type: event.type, payload: json(event.payload) }));
  const history = (query: RawQuery, from: number, to: number, actorId: string, at: string) => {
    const entries = template.history.slice(from - 1, to);
    const params: unknown[] = [];
    const rows = entries.map((entry, i) => {
      params.push(
        'berlin',
        ids.orderId,
        from + i,
        entry.event,
        entry.from,
        entry.to,
        actorId,
        at,
        json(entry.details),
      );
      const p = i * 9;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}, null, $${p + 9})`;
    });
    return query(
      `insert into ${s}.order_history (store_id, order_id, sequence, event, from_state, to_state, actor_id, at, reason, details)
       values ${rows.join(', ')}`,
      params,
    );
  };
  const quantities = [1, 2];

  command = 'place';
  // Place: price the lines, insert the order, reserve both lines (guarded), the reservation, history, events.
  await raw(async (query) => {
    const at = new Date().toISOString();
    const { rows: prices } = await query(
      `select s.code, s.list_prices, t.rate from ${s}.skus s join ${s}.products p on p.id = s.product_id
       join ${s}.tax_classes t on t.id = p.tax_class_id where s.code = any($1::text[])`,
      [[...pair]],
    );
    if (prices.length !== 2) throw new Error(`unpriced SKU in ${pair.join(', ')}`);
    await query(
      `insert into ${s}.orders (store_id, id, location_id, channel, customer_id, status, currency, created_at, placed_at, updated_at, version, body)
       values ('berlin', $1, 'berlin', 'pickup', null, 'placed', 'EUR', $2, $2, $2, 1, $3)`,
      [ids.orderId, at, json(template.bodies.placed)],
    );
    for (const [i, sku] of pair.entries()) {
      const { rows } = await query(
        `update ${s}.stock_levels set reserved = reserved + $3, updated_at = $4
         where location_id = 'berlin' and sku = $1 and on_hand - (reserved + $2) >= 0 returning on_hand`,
        [sku, quantities[i], quantities[i], at],
      );
      if (rows.length === 0) throw new Error(`insufficient ${sku}`);
    }
    await query(
      `insert into ${s}.reservations (location_id, id, reference, status, lines, expires_at, actor_id, created_at, updated_at, version)
       values ('berlin', $1, $2, 'open', $3, null, $4, $5, $5, 1)`,
      [ids.reservationId, ids.orderId, json(template.reservationLines.open), cashier.actor.id, at],
    );
    await history(query, 1, 2, cashier.actor.id, at);
    await rawOutbox(query, s, events(template.events.create), {
      at,
      actorId: cashier.actor.id,
      command: 'orders.create',
    });
  });

  command = 'pay';
  // Pay: lock the order, history, versioned update, event.
  await raw(async (query) => {
    const at = new Date().toISOString();
    const { rows } = await query(`select version, body from ${s}.orders where id = $1 for update`, [
      ids.orderId,
    ]);
    const version = Number(rows[0]?.version);
    await history(query, 3, 3, cashier.actor.id, at);
    const { rows: updated } = await query(
      `update ${s}.orders set status = 'paid', updated_at = $2, version = version + 1, body = $3
       where id = $1 and version = $4 returning version`,
      [ids.orderId, at, json(template.bodies.paid), version],
    );
    if (updated.length === 0) throw new Error(`order ${ids.orderId} changed underneath`);
    await rawOutbox(query, s, events(template.events.pay), {
      at,
      actorId: cashier.actor.id,
      command: 'orders.record-payment',
    });
  });

  command = 'fulfil';
  // Fulfil: lock the order, commit the reservation (versioned), sell both lines (guarded), the
  // movements, history, versioned order update, events.
  await raw(async (query) => {
    const at = new Date().toISOString();
    const { rows } = await query(`select version from ${s}.orders where id = $1 for update`, [ids.orderId]);
    const version = Number(rows[0]?.version);
    const { rows: reserved } = await query(
      `update ${s}.reservations set status = 'committed', lines = $2, updated_at = $3, version = version + 1
       where id = $1 and version = 1 and status = 'open' returning id`,
      [ids.reservationId, json(template.reservationLines.committed), at],
    );
    if (reserved.length === 0) throw new Error(`reservation ${ids.reservationId} is not open`);
    for (const [i, sku] of pair.entries()) {
      const { rows: level } = await query(
        `update ${s}.stock_levels set on_hand = on_hand - $2, reserved = reserved - $2, updated_at = $3
         where location_id = 'berlin' and sku = $1 and reserved - $2 >= 0 returning on_hand`,
        [sku, quantities[i], at],
      );
      if (level.length === 0) throw new Error(`nothing reserved of ${sku}`);
    }
    await query(
      `insert into ${s}.stock_movements (location_id, occurred_at, id, sku, reason, sub_reason, quantity, unit_cost,
         reference_type, reference_id, actor_id, business_date, note)
       values ('berlin', $1, $2, $3, 'sale', null, $4, null, 'reservation', $5, $6, $7, $8),
              ('berlin', $1, $9, $10, 'sale', null, $11, null, 'reservation', $5, $6, $7, $8)`,
      [
        at,
        uuidV7Ids.next(),
        pair[0],
        '-1',
        ids.reservationId,
        clerk.actor.id,
        template.businessDate,
        `order ${ids.orderId}`,
        uuidV7Ids.next(),
        pair[1],
        '-2',
      ],
    );
    await history(query, 4, 4, clerk.actor.id, at);
    const { rows: updated } = await query(
      `update ${s}.orders set status = 'fulfilled', updated_at = $2, version = version + 1, body = $3
       where id = $1 and version = $4 returning version`,
      [ids.orderId, at, json(template.bodies.fulfilled), version],
    );
    if (updated.length === 0) throw new Error(`order ${ids.orderId} changed underneath`);
    await rawOutbox(query, s, events(template.events.fulfil), {
      at,
      actorId: clerk.actor.id,
      command: 'orders.fulfil',
    });
  });
  recordSale(target.name, 'raw', pair);
}

interface Tally {
  started: number;
  done: number;
  ms: number;
}
const tallies = new Map<string, Tally>();
/** Times `work` (`count` orders); the first warm-up period of each key is left out. */
async function timed(key: string, count: number, work: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  await work();
  const tally = tallies.get(key) ?? { started: t0, done: 0, ms: 0 };
  tallies.set(key, tally);
  if (t0 - tally.started < RUN.warmupTime) return;
  tally.done += count;
  tally.ms += performance.now() - t0;
}

/** Statements per cycle and where their time goes, for the kit and the baseline. */
const profiles = new Map<string, StatementProfile>();
async function profiled(key: string, work: () => Promise<unknown>, perWork = 1): Promise<void> {
  const current: StatementProfile = { statements: 0, cpuMs: 0, shapes: new Map(), commands: new Map() };
  profile = current;
  const cpu = process.cpuUsage();
  try {
    for (let i = 0; i < PROFILED_CYCLES / perWork; i++) await work();
    const spent = process.cpuUsage(cpu);
    current.cpuMs = (spent.user + spent.system) / 1000;
    profiles.set(key, current);
  } finally {
    profile = undefined;
  }
}

const targets = [memoryTarget(), await pgliteTarget(), await postgresTarget()].filter(
  (target) => target !== undefined,
);
const templates = new Map<string, CycleTemplate>();
for (const target of targets) {
  await seed(target.kit);
  const { sql } = target;
  if (!sql) continue;
  const withSql = { ...target, sql };
  const template = await captureTemplate(withSql);
  templates.set(target.name, template);
  // Warm both paths up (JIT, plans, pool connections), then count one cycle's statements.
  for (let i = 0; i < 3; i++) {
    await kitCycle(target, pairOf('k', i % CLIENTS));
    await rawCycle(withSql, template, pairOf('r', i % CLIENTS));
  }
  await profiled(`${target.name}/kit`, () => kitCycle(target, pairOf('k', 1)));
  await profiled(`${target.name}/raw`, () => rawCycle(withSql, template, pairOf('r', 1)));
  // The same at CLIENTS at once: more statements per cycle would mean conflicts and retries.
  await profiled(
    `${target.name}/kit-n`,
    () => Promise.all(Array.from({ length: CLIENTS }, (_, c) => kitCycle(target, pairOf('k', c)))),
    CLIENTS,
  );
}

let rotation = 0;
for (const target of targets) {
  const template = templates.get(target.name);
  const { sql } = target;
  const rawOf =
    sql && template
      ? (pair: readonly [string, string]) => rawCycle({ ...target, sql }, template, pair)
      : undefined;

  describe(`${target.name}: order cycle (place 2 lines, pay, fulfil), 1 client`, () => {
    bench(
      'retailkit',
      () => timed(`${target.name}/1/kit`, 1, () => kitCycle(target, pairOf('k', rotation++ % CLIENTS))),
      RUN,
    );
    if (rawOf) {
      bench(
        'raw SQL',
        () => timed(`${target.name}/1/raw`, 1, () => rawOf(pairOf('r', rotation++ % CLIENTS))),
        RUN,
      );
    }
  });

  describe(`${target.name}: order cycle, ${CLIENTS} clients at once on SKUs of their own`, () => {
    bench(
      'retailkit',
      () =>
        timed(`${target.name}/n/kit`, CLIENTS, () =>
          Promise.all(Array.from({ length: CLIENTS }, (_, c) => kitCycle(target, pairOf('k', c)))),
        ),
      RUN,
    );
    if (rawOf) {
      bench(
        'raw SQL',
        () =>
          timed(`${target.name}/n/raw`, CLIENTS, () =>
            Promise.all(Array.from({ length: CLIENTS }, (_, c) => rawOf(pairOf('r', c)))),
          ),
        RUN,
      );
    }
  });
}

/** After the run: on hand dropped by exactly the units sold, nothing reserved, nothing below zero. */
async function check(target: Target): Promise<string> {
  const units = sold.get(target.name) ?? new Map<string, number>();
  let wrong = 0;
  let negative = 0;
  let held = 0;
  for (const sku of ALL_SKUS) {
    const level = await target.kit.inventory.getStockLevel({ locationId: 'berlin', sku }, admin);
    if (STOCK - Number(level.onHand) !== (units.get(sku) ?? 0)) wrong += 1;
    if (Number(level.onHand) - Number(level.reserved) < 0) negative += 1;
    if (Number(level.reserved) !== 0) held += 1;
  }
  const audit = await target.kit.inventory.verifyStock({ locationId: 'berlin' }, admin);
  let orders = '';
  if (target.sql) {
    const s = target.sql.schema;
    const rows = await target.sql.raw(
      async (query) =>
        (await query(`select status, count(*)::int as n from ${s}.orders group by status order by status`))
          .rows,
    );
    const expected = (cycles.get(`${target.name}/kit`) ?? 0) + (cycles.get(`${target.name}/raw`) ?? 0);
    // Both sides write the same rows per cycle: 6 events, 4 history entries, 2 sale movements.
    const [written] = await target.sql.raw(
      async (query) =>
        (
          await query(
            `select (select count(*) from ${s}.outbox_events where stream like 'order:%' or stream like 'reservation:%')::int as events,
               (select count(*) from ${s}.order_history)::int as history,
               (select count(*) from ${s}.stock_movements where reason = 'sale')::int as sales`,
          )
        ).rows,
    );
    const per = (column: string) => (Number(written?.[column]) / expected).toFixed(2);
    orders =
      `, orders ${rows.map((row) => `${row.status} ${row.n}`).join(' ')} (cycles run: ${expected}); ` +
      `per cycle ${per('events')} events, ${per('history')} history entries, ${per('sales')} sale movements`;
  }
  const total = [...units.values()].reduce((sum, n) => sum + n, 0);
  return (
    `orders check — ${target.name}: ${total.toLocaleString('en-US')} units sold over ${ALL_SKUS.length} SKUs; ` +
    `on hand off by the units sold on ${wrong} SKUs, still reserved on ${held}, negative available on ${negative}; ` +
    `${audit.drifts.length} drifts between levels, ledger and reservations${orders}`
  );
}

function profileReport(name: string): string[] {
  const lines: string[] = [];
  const per = (n: number) => (n / PROFILED_CYCLES).toFixed(1);
  for (const side of ['kit', 'raw']) {
    const found = profiles.get(`${name}/${side}`);
    if (!found) continue;
    const ms = [...found.shapes.values()].reduce((sum, shape) => sum + shape.ms, 0);
    const byCommand = ['place', 'pay', 'fulfil'].map((c) => `${c} ${per(found.commands.get(c) ?? 0)}`);
    lines.push(
      `statements per cycle — ${name}, ${side === 'kit' ? 'retailkit' : 'raw SQL'}, 1 client: ` +
        `${per(found.statements)} (${byCommand.join(', ')}); ${per(ms)} ms waiting on statements ` +
        `and ${per(found.cpuMs)} ms of Node CPU per cycle`,
    );
    const top = [...found.shapes.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, side === 'kit' ? 12 : 6);
    for (const [shape, { count, ms: spent }] of top) {
      lines.push(`    ${per(count)}× ${(spent / PROFILED_CYCLES).toFixed(2)} ms  ${shape}`);
    }
  }
  const crowd = profiles.get(`${name}/kit-n`);
  if (crowd) {
    const rollbacks = crowd.shapes.get('rollback')?.count ?? 0;
    lines.push(
      `statements per cycle — ${name}, retailkit, ${CLIENTS} clients: ${per(crowd.statements)}, ` +
        `${rollbacks} rollbacks over ${PROFILED_CYCLES} cycles (retries would add both)`,
    );
  }
  return lines;
}

afterAll(async () => {
  const rate = (key: string) => {
    const tally = tallies.get(key);
    return tally && tally.ms > 0 ? tally.done / (tally.ms / 1000) : Number.NaN;
  };
  const fmt = (value: number) => (Number.isNaN(value) ? '–' : Math.round(value).toLocaleString('en-US'));
  for (const target of targets) {
    for (const [workload, label] of [
      ['1', '1 client'],
      ['n', `${CLIENTS} clients`],
    ] as const) {
      const ours = rate(`${target.name}/${workload}/kit`);
      if (!target.sql) {
        console.log(`orders/s — ${target.name}, ${label}: retailkit ${fmt(ours)}`);
        continue;
      }
      const raw = rate(`${target.name}/${workload}/raw`);
      console.log(
        `orders/s — ${target.name}, ${label}: retailkit ${fmt(ours)}, raw SQL ${fmt(raw)}, ` +
          `ratio ${(ours / raw).toFixed(2)}× (target ≥ 0.50×)`,
      );
    }
    for (const line of profileReport(target.name)) console.log(line);
    console.log(await check(target));
    await target.close();
  }
  console.log(
    `load average — at start: ${loadAtStart}; at end: ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
  );
});
