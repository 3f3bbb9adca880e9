import type { Inventory } from '@retailkit/inventory';
import { expect } from 'vitest';
import {
  allPages,
  as,
  expectLevelMatchesLedger,
  expectNoDrift,
  expectOnlyShortages,
  type InventoryCase,
  inventoryOf,
  partition,
} from './inventory-case-helpers.js';
import {
  addStock,
  COFFEE,
  DEPOT,
  LOCATIONS,
  MUG,
  SKUS,
  STORE_A,
  STORE_B,
  seedInventory,
  TEA,
} from './inventory-fixture.js';
import { StockModel, scaleOf, textOf, unitsOf } from './inventory-stock-model.js';

const STOCK: readonly [string, string, string][] = [
  [DEPOT, TEA, '60'],
  [DEPOT, COFFEE, '20'],
  [STORE_A, TEA, '20'],
  [STORE_A, COFFEE, '5'],
  [STORE_A, MUG, '10'],
  [STORE_B, TEA, '10'],
  [STORE_B, MUG, '5'],
];

/** Ships a transfer and receives it (one unit damaged for whole-unit items), keeping the model in step. */
async function moveStock(
  inventory: Inventory,
  model: StockModel,
  from: string,
  to: string,
  lines: readonly [string, string][],
): Promise<void> {
  const { id } = await inventory.createTransfer(
    { fromLocationId: from, toLocationId: to, lines: lines.map(([sku, quantity]) => ({ sku, quantity })) },
    as,
  );
  const ref = { id, fromLocationId: from, toLocationId: to };
  await inventory.requestTransfer(ref, as);
  await inventory.approveTransfer(ref, as);
  await inventory.shipTransfer(ref, as);
  for (const [sku, quantity] of lines) {
    const units = unitsOf(sku, quantity);
    model.change(from, sku, { onHand: -units });
    model.change(to, sku, { incoming: units, inTransit: units });
  }
  // Each line is received by its own command, in parallel: the transfer's version check (and
  // the retry it triggers) must keep both lines' updates.
  await Promise.all(
    lines.map(async ([sku, quantity]) => {
      const units = unitsOf(sku, quantity);
      const damaged = scaleOf(sku) === 0 ? 1n : 0n;
      await inventory.receiveTransfer(
        { ...ref, lines: [{ sku, received: textOf(sku, units - damaged), damaged: textOf(sku, damaged) }] },
        as,
      );
      model.change(to, sku, { onHand: units - damaged, incoming: -units, inTransit: -units });
    }),
  );
}

/** Reserves, then settles part of the reservation twice in parallel (commit one, release one). */
async function reserveAndSettle(
  inventory: Inventory,
  model: StockModel,
  locationId: string,
  sku: string,
  reference: string,
): Promise<void> {
  const { reservations } = await inventory.reserveStock(
    { reference, locationId, lines: [{ sku, quantity: '3' }] },
    as,
  );
  model.change(locationId, sku, { reserved: 3n });
  const reservationId = reservations[0]?.id as string;
  const one = [{ sku, quantity: '1' }];
  // Two updates of one reservation at once: neither may be lost.
  await Promise.all([
    inventory.commitReservation({ reservationId, lines: one }, as).then(() => {
      model.change(locationId, sku, { onHand: -1n, reserved: -1n });
    }),
    inventory.releaseReservation({ reservationId, lines: one }, as).then(() => {
      model.change(locationId, sku, { reserved: -1n });
    }),
  ]);
}

async function adjust(
  inventory: Inventory,
  model: StockModel,
  locationId: string,
  sku: string,
  quantity: string,
): Promise<void> {
  const reason = quantity.startsWith('-') ? 'damage' : 'found';
  await inventory.adjustStock({ locationId, lines: [{ sku, quantity, reason }] }, as);
  model.change(locationId, sku, { onHand: unitsOf(sku, quantity) });
}

async function sell(
  inventory: Inventory,
  model: StockModel,
  locationId: string,
  sku: string,
  quantity: string,
): Promise<void> {
  await inventory.recordSale({ locationId, lines: [{ sku, quantity }] }, as);
  model.change(locationId, sku, { onHand: -unitsOf(sku, quantity) });
}

/** Commands on overlapping SKUs and locations at once: nothing is lost, nothing oversold. */
export const inventoryConcurrencyCases: readonly InventoryCase[] = [
  {
    id: 'inventory.concurrency.mixed-commands-lose-nothing',
    title:
      'parallel transfers, adjustments, sales and reservations on shared stock lose no update and fail only for stock',
    run: async (context) => {
      const inventory = inventoryOf(context);
      await seedInventory(inventory);
      const model = new StockModel();
      for (const [locationId, sku, quantity] of STOCK) {
        await addStock(inventory, locationId, sku, quantity);
        model.change(locationId, sku, { onHand: unitsOf(sku, quantity) });
      }
      const work: Promise<void>[] = [
        moveStock(inventory, model, DEPOT, STORE_A, [
          [TEA, '8'],
          [COFFEE, '4.5'],
        ]),
        moveStock(inventory, model, DEPOT, STORE_B, [[TEA, '8']]),
        moveStock(inventory, model, STORE_A, STORE_B, [
          [TEA, '5'],
          [MUG, '3'],
        ]),
        moveStock(inventory, model, STORE_B, STORE_A, [[MUG, '3']]),
        moveStock(inventory, model, STORE_A, DEPOT, [[COFFEE, '2.25']]),
        moveStock(inventory, model, STORE_B, DEPOT, [[TEA, '9']]),
      ];
      for (let i = 0; i < 12; i++) {
        const locationId = i % 2 === 0 ? STORE_A : STORE_B;
        work.push(reserveAndSettle(inventory, model, locationId, i % 3 === 0 ? MUG : TEA, `order-${i}`));
        work.push(sell(inventory, model, locationId, TEA, String(1 + (i % 2))));
        work.push(adjust(inventory, model, DEPOT, TEA, i % 3 === 0 ? '4' : '-3'));
        work.push(adjust(inventory, model, STORE_A, COFFEE, i % 2 === 0 ? '-0.75' : '0.5'));
      }
      const { rejected } = partition(await Promise.allSettled(work));
      expectOnlyShortages(rejected);

      for (const locationId of LOCATIONS) {
        await model.expectMatches(inventory, locationId, SKUS);
        for (const sku of SKUS) await expectLevelMatchesLedger(inventory, locationId, sku, scaleOf(sku));
      }
      // Every reservation was settled by both of its parallel updates.
      const open = await allPages((page) => inventory.listReservations({ status: 'open', ...page }, as));
      expect(open.map((reservation) => reservation.lines.map((line) => line.open))).toEqual(
        open.map(() => ['1']),
      );
      await expectNoDrift(inventory);
    },
  },
];
