import { expect } from 'vitest';
import {
  allPages,
  as,
  balancesOf,
  expectLevelMatchesLedger,
  expectNoDrift,
  type InventoryCase,
  inventoryOf,
} from './inventory-case-helpers.js';
import { addStock, COFFEE, STORE_A, seedInventory, TEA } from './inventory-fixture.js';

/** Counts: posting corrects to the counted quantity and keeps what moved after the count opened. */
export const inventoryCountCases: readonly InventoryCase[] = [
  {
    id: 'inventory.count.posted-while-sales-continue',
    title: 'a count posted while sales continue ends at the counted quantity plus the later movements',
    run: async (context) => {
      const inventory = inventoryOf(context);
      await seedInventory(inventory, [STORE_A]);
      await addStock(inventory, STORE_A, TEA, '50');
      await addStock(inventory, STORE_A, COFFEE, '10', '20.00');
      const held = await inventory.reserveStock(
        { reference: 'o-open', locationId: STORE_A, lines: [{ sku: TEA, quantity: '4' }] },
        as,
      );
      const count = await inventory.openCount({ locationId: STORE_A, skus: [TEA, COFFEE] }, as);
      const ref = { countId: count.id, locationId: STORE_A };
      expect(count.lines.map((line) => [line.sku, line.expected])).toEqual([
        [COFFEE, '10.000'],
        [TEA, '50'],
      ]);
      const sell = (sku: string, quantity: string) =>
        inventory.recordSale({ locationId: STORE_A, lines: [{ sku, quantity }] }, as);

      // Trading goes on between opening, counting and posting.
      context.clock.advance({ minutes: 5 });
      await sell(TEA, '2');
      const { reservations } = await inventory.reserveStock(
        { reference: 'o-1', locationId: STORE_A, lines: [{ sku: TEA, quantity: '3' }] },
        as,
      );
      await inventory.commitReservation({ reservationId: reservations[0]?.id as string }, as);
      await sell(COFFEE, '0.5');
      context.clock.advance({ minutes: 5 });
      await inventory.recordCount(
        {
          ...ref,
          lines: [
            { sku: TEA, quantity: '45' },
            { sku: COFFEE, quantity: '9.8' },
          ],
        },
        as,
      );
      context.clock.advance({ minutes: 5 });
      await sell(TEA, '1');
      await addStock(inventory, STORE_A, COFFEE, '2', '20.00');

      // The post races with more sales; whichever commits first, the end state is the same.
      context.clock.advance({ minutes: 5 });
      const [posted] = await Promise.all([
        inventory.postCount(ref, as),
        sell(TEA, '1'),
        sell(TEA, '1'),
        sell(COFFEE, '0.25'),
      ]);
      expect(posted.count.status).toBe('posted');
      expect(
        posted.corrections.map((line) => [line.sku, line.expected, line.counted, line.correction]),
      ).toEqual([
        [COFFEE, '10.000', '9.800', '-0.200'],
        [TEA, '50', '45', '-5'],
      ]);

      // Counted 45, then sold 2 + 3 + 1 + 1 + 1; counted 9.8, then sold 0.5 + 0.25 and received 2.
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({
        onHand: '37',
        reserved: '4',
        available: '33',
      });
      expect(await balancesOf(inventory, STORE_A, COFFEE)).toMatchObject({ onHand: '11.050' });
      const corrections = await allPages((page) =>
        inventory.listStockMovements({ locationId: STORE_A, reasons: ['count-correction'], ...page }, as),
      );
      expect(
        corrections.map((movement) => [
          movement.sku,
          movement.quantity,
          movement.referenceType,
          movement.referenceId,
        ]),
      ).toEqual(
        expect.arrayContaining([
          [TEA, '-5', 'count', count.id],
          [COFFEE, '-0.200', 'count', count.id],
        ]),
      );
      expect(corrections).toHaveLength(2);
      expect(held.reservations[0]?.status).toBe('open');
      await expectLevelMatchesLedger(inventory, STORE_A, TEA, 0);
      await expectLevelMatchesLedger(inventory, STORE_A, COFFEE, 3);
      await expectNoDrift(inventory);
    },
  },
];
