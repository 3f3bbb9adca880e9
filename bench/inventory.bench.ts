import { createCommandRunner, FakeClock, uuidV7Ids } from '@retailkit/core';
import { createInventory } from '@retailkit/inventory';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { afterAll, bench, describe } from 'vitest';

// One iteration = two commands: reserve one line for an order, then commit the reservation (a sale).
// Through retailkit each command is validated, authorised, run in a transaction that moves the
// balances with a guarded update, writes the reservation, the ledger entry and an outbox event.
// The baseline does the same bookkeeping on plain Maps and arrays, with no validation, policy,
// transaction or isolation, so the ratio is the price of those guarantees.

const SKUS = 50;
const WARM_UP_MS = 1_000;
// Long enough to measure the steady state rather than JIT warm-up and the first collections.
const RUN = { time: 4_000, warmupTime: 1_000 };
const clock = new FakeClock('2025-03-03T09:00:00Z');
const runner = createCommandRunner({ storage: createMemoryStorage(), clock });
const inventory = createInventory({ runner });
const admin = { id: 'bench', roles: ['admin'] };
const cashier = { id: 'till-1', roles: ['cashier'], storeIds: ['berlin'] };

await inventory.defineLocation(
  { id: 'berlin', kind: 'store', name: 'Berlin', timeZone: 'Europe/Berlin', currency: 'EUR' },
  { actor: admin },
);
for (let i = 0; i < SKUS; i++) {
  await inventory.registerItem({ sku: `sku-${i}`, name: `Item ${i}` }, { actor: admin });
  await inventory.adjustStock(
    {
      locationId: 'berlin',
      lines: [{ sku: `sku-${i}`, quantity: 100_000_000, reason: 'found', unitCost: '1.00' }],
    },
    { actor: admin },
  );
}

interface PlainLevel {
  onHand: number;
  reserved: number;
}
const levels = new Map<string, PlainLevel>();
for (let i = 0; i < SKUS; i++) levels.set(`berlin\u0000sku-${i}`, { onHand: 100_000_000, reserved: 0 });
const reservations = new Map<string, { sku: string; quantity: number; status: string }>();
const ledger: { id: string; sku: string; quantity: number; reason: string; at: string }[] = [];
const outbox: { id: string; type: string; stream: string; payload: unknown }[] = [];

let n = 0;
let m = 0;
let commands = 0;
let baselineCommands = 0;
let started = 0;
let baselineStarted = 0;
let elapsed = 0;
let baselineElapsed = 0;

describe('reserve one line, then commit it (2 commands)', () => {
  bench(
    'retailkit: inventory on storage-memory',
    async () => {
      const t0 = performance.now();
      if (started === 0) started = t0;
      n += 1;
      const sku = `sku-${n % SKUS}`;
      const { reservations: made } = await inventory.reserveStock(
        { reference: `order-${n}`, locationId: 'berlin', lines: [{ sku, quantity: 1 }] },
        { actor: cashier },
      );
      await inventory.commitReservation(
        { reservationId: made[0]?.id ?? '', locationId: 'berlin' },
        { actor: cashier },
      );
      // Steady state only: the first second warms the JIT up.
      if (t0 - started > WARM_UP_MS) {
        commands += 2;
        elapsed += performance.now() - t0;
      }
    },
    RUN,
  );

  bench(
    'baseline: plain Maps and arrays',
    async () => {
      const t0 = performance.now();
      if (baselineStarted === 0) baselineStarted = t0;
      m += 1;
      const sku = `sku-${m % SKUS}`;
      const key = `berlin\u0000${sku}`;
      // reserve
      const level = levels.get(key) as PlainLevel;
      if (level.onHand - level.reserved < 1) throw new Error('insufficient');
      level.reserved += 1;
      const id = uuidV7Ids.next();
      reservations.set(id, { sku, quantity: 1, status: 'open' });
      outbox.push({
        id: uuidV7Ids.next(),
        type: 'reserved',
        stream: `reservation:${id}`,
        payload: { sku, quantity: 1 },
      });
      // commit
      const reservation = reservations.get(id);
      if (reservation?.status !== 'open') throw new Error('not open');
      level.onHand -= 1;
      level.reserved -= 1;
      reservations.set(id, { ...reservation, status: 'committed' });
      ledger.push({ id: uuidV7Ids.next(), sku, quantity: -1, reason: 'sale', at: new Date().toISOString() });
      outbox.push({
        id: uuidV7Ids.next(),
        type: 'committed',
        stream: `reservation:${id}`,
        payload: { sku, quantity: 1 },
      });
      if (t0 - baselineStarted > WARM_UP_MS) {
        baselineCommands += 2;
        baselineElapsed += performance.now() - t0;
      }
    },
    RUN,
  );
});

afterAll(() => {
  const ours = commands / (elapsed / 1000);
  const raw = baselineCommands / (baselineElapsed / 1000);
  console.log(
    `inventory commands/s — retailkit on storage-memory: ${Math.round(ours).toLocaleString('en-US')}, ` +
      `plain-Map baseline: ${Math.round(raw).toLocaleString('en-US')}, ratio ${(ours / raw).toFixed(3)}× ` +
      `(target: ≥ 50,000 commands/s)`,
  );
});
