import { stockStream } from '@retailkit/inventory';
import { expect } from 'vitest';
import { stream } from '../case-helpers.js';
import {
  as,
  expectNoDrift,
  expectOnlyShortages,
  type InventoryCase,
  inventoryOf,
  partition,
} from './inventory-case-helpers.js';
import { addStock, STORE_A, seedInventory, TEA } from './inventory-fixture.js';

const ALERTS = new Set(['inventory.low-stock', 'inventory.stock-recovered']);

/** Low-stock alerts: once per crossing, even when the crossing happens under concurrency. */
export const inventoryAlertCases: readonly InventoryCase[] = [
  {
    id: 'inventory.alert.low-stock-once-per-crossing',
    title:
      'a low-stock alert fires once when stock crosses below the reorder point, again only after recovery',
    run: async (context) => {
      const inventory = inventoryOf(context);
      await seedInventory(inventory, [STORE_A]);
      await addStock(inventory, STORE_A, TEA, '15');
      await inventory.setReorderRule(
        {
          locationId: STORE_A,
          sku: TEA,
          reorderPoint: '10',
          method: 'fixed-quantity',
          reorderQuantity: '20',
          source: { kind: 'purchase', supplierId: 'supplier' },
        },
        as,
      );
      const sell = (quantity: string) =>
        inventory.recordSale({ locationId: STORE_A, lines: [{ sku: TEA, quantity }] }, as);
      const alerts = async () =>
        (await stream(context, stockStream(STORE_A, TEA)))
          .filter((event) => ALERTS.has(event.type))
          .map((event) => {
            const payload = event.payload as { available: string; incoming: string; reorderPoint: string };
            return [event.type, payload.available, payload.incoming, payload.reorderPoint];
          });

      await sell('3');
      expect(await alerts()).toEqual([]);
      // Six parallel sales take 12 down to 6: only the one that crosses 10 alerts.
      const { rejected } = partition(await Promise.allSettled(Array.from({ length: 6 }, () => sell('1'))));
      expectOnlyShortages(rejected);
      expect(rejected).toEqual([]);
      expect(await alerts()).toEqual([['inventory.low-stock', '9', '0', '10']]);

      // Still low: no second alert.
      await inventory.reserveStock(
        { reference: 'o-1', locationId: STORE_A, lines: [{ sku: TEA, quantity: '2' }] },
        as,
      );
      await sell('1');
      expect(await alerts()).toHaveLength(1);

      // A purchase order lifts available + incoming back above the point.
      const po = await inventory.createPurchaseOrder(
        {
          locationId: STORE_A,
          supplierId: 'supplier',
          lines: [{ sku: TEA, quantity: '20', unitCost: '1.00' }],
        },
        as,
      );
      await inventory.orderPurchaseOrder({ id: po.id, locationId: STORE_A }, as);
      // Receiving turns incoming into on hand: the position does not move, nothing fires.
      await inventory.receivePurchaseOrder(
        { id: po.id, locationId: STORE_A, lines: [{ sku: TEA, quantity: '20' }] },
        as,
      );
      expect(await alerts()).toEqual([
        ['inventory.low-stock', '9', '0', '10'],
        ['inventory.stock-recovered', '3', '20', '10'],
      ]);

      await sell('14');
      await sell('1');
      expect(await alerts()).toEqual([
        ['inventory.low-stock', '9', '0', '10'],
        ['inventory.stock-recovered', '3', '20', '10'],
        ['inventory.low-stock', '9', '0', '10'],
      ]);
      const [rule] = (await inventory.listReorderRules({ locationId: STORE_A, sku: TEA }, as)).items;
      expect(rule?.alerting).toBe(true);
      await expectNoDrift(inventory);
    },
  },
];
