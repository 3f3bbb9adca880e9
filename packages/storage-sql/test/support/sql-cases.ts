import { createCommandRunner, isRetailKitError, type StorageAdapter } from '@retailkit/core';
import { createInventory, type Inventory } from '@retailkit/inventory';
import { anActor } from '@retailkit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlRepositories } from '../../src/index.js';
import type { SqlTarget } from './sql-targets.js';
import { targetRuns } from './target-suite.js';

const as = { actor: anActor({ id: 'sql-tests', roles: ['admin'] }) };
const INJECTION = "'); DROP TABLE stock_levels; --";
// Ids may hold anything but whitespace and '/'.
const HOSTILE_ID = "');DROP%TABLE_stock_levels;--";
const UNICODE = 'Ünïcödé-店舗-🛒-"quoted"-\\-back';

async function seed(
  inventory: Inventory,
  locations: readonly string[],
  skus: readonly string[],
  name?: string,
) {
  for (const id of locations) {
    await inventory.defineLocation(
      {
        id,
        kind: 'store',
        name: name ?? `Store ${id}`,
        timeZone: 'Europe/Berlin',
        dayStart: '00:00',
        currency: 'EUR',
      },
      as,
    );
  }
  for (const sku of skus) await inventory.registerItem({ sku, name: `Item ${sku}`, unit: 'each' }, as);
}

const expectNoDrift = async (inventory: Inventory) =>
  expect((await inventory.verifyStock({}, as)).drifts).toEqual([]);

/**
 * The storage-sql issue's own checks on one target, beside the conformance suites: 2,000 parallel
 * reservations against 500 units, parallel transfers and adjustments on overlapping SKUs, and
 * hostile strings kept verbatim.
 */
export function runSqlCases(target: SqlTarget): void {
  if (!targetRuns(target)) return;
  describe(`storage-sql checks: ${target.name}`, () => {
    let storage: StorageAdapter<SqlRepositories>;
    let inventory: Inventory;
    beforeAll(async () => {
      storage = await target.create();
      inventory = createInventory({ runner: createCommandRunner({ storage }) });
    });
    afterAll(async () => {
      await target.teardown(storage);
    });

    it('2,000 parallel 1-unit reservations against 500 on hand: exactly 500 succeed', async () => {
      await seed(inventory, ['hot'], ['last-tin']);
      await inventory.adjustStock(
        { locationId: 'hot', lines: [{ sku: 'last-tin', quantity: '500', reason: 'found' }] },
        as,
      );
      const outcomes = await Promise.allSettled(
        Array.from({ length: 2000 }, (_, i) =>
          inventory.reserveStock(
            { reference: `order-${i}`, locationId: 'hot', lines: [{ sku: 'last-tin', quantity: '1' }] },
            as,
          ),
        ),
      );
      const reserved = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
      const reasons = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(reserved).toBe(500);
      expect(reasons.filter((reason) => !isRetailKitError(reason, 'INSUFFICIENT_STOCK'))).toEqual([]);
      const level = await inventory.getStockLevel({ locationId: 'hot', sku: 'last-tin' }, as);
      expect([level.onHand, level.reserved, level.available]).toEqual(['500', '500', '0']);
      await expectNoDrift(inventory);
    }, 120_000);

    it('parallel transfers and adjustments on overlapping SKUs lose no update', async () => {
      const locations = ['north', 'south', 'east'];
      const skus = ['cup', 'plate', 'bowl'];
      await seed(inventory, locations, skus);
      const expected = new Map<string, number>();
      const change = (location: string, sku: string, by: number) =>
        expected.set(`${location}/${sku}`, (expected.get(`${location}/${sku}`) ?? 0) + by);
      for (const location of locations) {
        await inventory.adjustStock(
          { locationId: location, lines: skus.map((sku) => ({ sku, quantity: '1000', reason: 'found' })) },
          as,
        );
        for (const sku of skus) change(location, sku, 1000);
      }
      const work: Promise<void>[] = [];
      for (let i = 0; i < 60; i++) {
        const from = locations[i % 3] as string;
        const to = locations[(i + 1) % 3] as string;
        // Two SKUs per transfer, in an order that alternates, so lock orders cross.
        const pair = i % 2 === 0 ? [skus[0], skus[1]] : [skus[1], skus[0]];
        work.push(
          (async () => {
            const lines = (pair as string[]).map((sku) => ({ sku, quantity: '2' }));
            const { id } = await inventory.createTransfer(
              { fromLocationId: from, toLocationId: to, lines },
              as,
            );
            const ref = { id, fromLocationId: from, toLocationId: to };
            await inventory.requestTransfer(ref, as);
            await inventory.approveTransfer(ref, as);
            await inventory.shipTransfer(ref, as);
            await inventory.receiveTransfer(
              { ...ref, lines: lines.map((line) => ({ sku: line.sku, received: '2', damaged: '0' })) },
              as,
            );
            for (const line of lines) {
              change(from, line.sku, -2);
              change(to, line.sku, 2);
            }
          })(),
        );
        const location = locations[(i + 2) % 3] as string;
        const quantity = i % 3 === 0 ? '-1' : '3';
        work.push(
          inventory
            .adjustStock(
              {
                locationId: location,
                lines: [...skus].reverse().map((sku) => ({
                  sku,
                  quantity,
                  reason: quantity.startsWith('-') ? 'damage' : 'found',
                })),
              },
              as,
            )
            .then(() => {
              for (const sku of skus) change(location, sku, Number(quantity));
            }),
        );
      }
      await Promise.all(work);
      for (const location of locations) {
        for (const sku of skus) {
          const level = await inventory.getStockLevel({ locationId: location, sku }, as);
          expect([location, sku, level.onHand]).toEqual([
            location,
            sku,
            String(expected.get(`${location}/${sku}`)),
          ]);
        }
      }
      await expectNoDrift(inventory);
    }, 120_000);

    it('keeps hostile and Unicode strings verbatim (everything is a parameter)', async () => {
      await seed(inventory, [HOSTILE_ID], [UNICODE], INJECTION);
      await inventory.adjustStock(
        {
          locationId: HOSTILE_ID,
          lines: [{ sku: UNICODE, quantity: '3', reason: 'found', note: INJECTION }],
        },
        as,
      );
      const movements = await inventory.listStockMovements({ locationId: HOSTILE_ID, limit: 10 }, as);
      expect(movements.items.map((movement) => [movement.locationId, movement.sku, movement.note])).toEqual([
        [HOSTILE_ID, UNICODE, INJECTION],
      ]);
      const location = await storage.transaction((tx) => tx.inventory.getLocation(HOSTILE_ID), {
        readOnly: true,
      });
      expect([location?.id, location?.name]).toEqual([HOSTILE_ID, INJECTION]);
      const item = await storage.transaction((tx) => tx.inventory.getItem(UNICODE), { readOnly: true });
      expect(item?.name).toBe(`Item ${UNICODE}`);
      const level = await inventory.getStockLevel({ locationId: HOSTILE_ID, sku: UNICODE }, as);
      expect(level.onHand).toBe('3');
    });
  });
}
