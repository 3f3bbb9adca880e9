import { isRetailKitError } from '@retailkit/core';
import { expect } from 'vitest';
import { rejection } from '../../assertions/rejection.js';
import { validationPaths } from '../../assertions/validation-paths.js';
import {
  allPages,
  as,
  balancesOf,
  canonical,
  expectLevelMatchesLedger,
  expectNoDrift,
  type InventoryCase,
  inventoryOf,
  inventorySnapshot,
} from './inventory-case-helpers.js';
import { addStock, COFFEE, LOCATIONS, STORE_A, seedInventory, TEA } from './inventory-fixture.js';

/** Purchase orders: incoming stock and the moving-average cost, to the last decimal. */
export const inventoryPurchaseOrderCases: readonly InventoryCase[] = [
  {
    id: 'inventory.purchase-order.incoming-and-average-cost',
    title: 'ordering raises incoming; receipts move it to on hand and update the moving-average cost exactly',
    run: async (context) => {
      const inventory = inventoryOf(context);
      await seedInventory(inventory);
      await addStock(inventory, STORE_A, TEA, '10', '2.00');
      const averageOf = async (sku: string) =>
        canonical((await inventory.getStockLevel({ locationId: STORE_A, sku }, as)).averageCost);
      const po = await inventory.createPurchaseOrder(
        {
          locationId: STORE_A,
          supplierId: 'supplier',
          lines: [
            { sku: TEA, quantity: '20', unitCost: '3.10' },
            { sku: COFFEE, quantity: '2.5', unitCost: '12.40' },
          ],
        },
        as,
      );
      const ref = { id: po.id, locationId: STORE_A };
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({ incoming: '0' });
      await inventory.orderPurchaseOrder(ref, as);
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({ onHand: '10', incoming: '20' });
      expect(await balancesOf(inventory, STORE_A, COFFEE)).toMatchObject({
        onHand: '0.000',
        incoming: '2.500',
      });

      context.clock.advance({ days: 1 });
      const first = await inventory.receivePurchaseOrder(
        { ...ref, lines: [{ sku: TEA, quantity: '5' }] },
        as,
      );
      expect(first.purchaseOrder.status).toBe('partially-received');
      // (10 × 2.00 + 5 × 3.10) / 15 = 2.3666… → 2.366667
      expect(first.lines.map((line) => canonical(line.averageCost))).toEqual(['2.366667']);
      expect(await averageOf(TEA)).toBe('2.366667');
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({ onHand: '15', incoming: '15' });

      await inventory.receivePurchaseOrder(
        {
          ...ref,
          lines: [
            { sku: TEA, quantity: '15' },
            { sku: COFFEE, quantity: '1.25' },
          ],
        },
        as,
      );
      // (15 × 2.366667 + 15 × 3.10) / 30 = 2.7333335 → half to even → 2.733334
      expect(await averageOf(TEA)).toBe('2.733334');
      expect(await averageOf(COFFEE)).toBe('12.4');
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({ onHand: '30', incoming: '0' });
      expect(await balancesOf(inventory, STORE_A, COFFEE)).toMatchObject({
        onHand: '1.250',
        incoming: '1.250',
      });

      // More than outstanding needs the over-receipt command; the plain one changes nothing.
      const before = await inventorySnapshot(context, inventory, LOCATIONS);
      const over = await rejection(
        inventory.receivePurchaseOrder({ ...ref, lines: [{ sku: COFFEE, quantity: '1.5' }] }, as),
      );
      expect(validationPaths(over)).toEqual(['lines.0.quantity']);
      expect(await inventorySnapshot(context, inventory, LOCATIONS)).toEqual(before);
      const overReceipt = await inventory.overReceivePurchaseOrder(
        { ...ref, lines: [{ sku: COFFEE, quantity: '1.5' }] },
        as,
      );
      expect(overReceipt.purchaseOrder.status).toBe('received');
      expect(overReceipt.lines.map((line) => [line.quantity, line.over])).toEqual([['1.500', '0.250']]);
      expect(await balancesOf(inventory, STORE_A, COFFEE)).toMatchObject({
        onHand: '2.750',
        incoming: '0.000',
      });
      const done = await rejection(
        inventory.receivePurchaseOrder({ ...ref, lines: [{ sku: TEA, quantity: '1' }] }, as),
      );
      expect(isRetailKitError(done, 'INVALID_TRANSITION')).toBe(true);

      // A partly received order that is closed releases what is still outstanding.
      const second = await inventory.createPurchaseOrder(
        { locationId: STORE_A, supplierId: 'supplier', lines: [{ sku: TEA, quantity: '7', unitCost: '1' }] },
        as,
      );
      await inventory.orderPurchaseOrder({ id: second.id, locationId: STORE_A }, as);
      await inventory.receivePurchaseOrder(
        { id: second.id, locationId: STORE_A, lines: [{ sku: TEA, quantity: '3' }] },
        as,
      );
      // (30 × 2.733334 + 3 × 1) / 33 = 2.57575818… → 2.575758
      expect(await averageOf(TEA)).toBe('2.575758');
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({ onHand: '33', incoming: '4' });
      await inventory.closePurchaseOrder({ id: second.id, locationId: STORE_A }, as);
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({ onHand: '33', incoming: '0' });

      // An ordered order that is cancelled releases all of it.
      const third = await inventory.createPurchaseOrder(
        { locationId: STORE_A, supplierId: 'supplier', lines: [{ sku: TEA, quantity: '9', unitCost: '1' }] },
        as,
      );
      await inventory.orderPurchaseOrder({ id: third.id, locationId: STORE_A }, as);
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({ incoming: '9' });
      await inventory.cancelPurchaseOrder({ id: third.id, locationId: STORE_A }, as);
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({ incoming: '0' });

      const receipts = await allPages((page) =>
        inventory.listStockMovements({ locationId: STORE_A, reasons: ['receipt'], ...page }, as),
      );
      expect(
        receipts.map((movement) => [
          movement.sku,
          movement.quantity,
          canonical(movement.unitCost),
          movement.referenceType,
          movement.referenceId,
        ]),
      ).toEqual([
        [TEA, '5', '3.1', 'purchase-order', po.id],
        [TEA, '15', '3.1', 'purchase-order', po.id],
        [COFFEE, '1.250', '12.4', 'purchase-order', po.id],
        [COFFEE, '1.500', '12.4', 'purchase-order', po.id],
        [TEA, '3', '1', 'purchase-order', second.id],
      ]);
      await expectLevelMatchesLedger(inventory, STORE_A, TEA, 0);
      await expectLevelMatchesLedger(inventory, STORE_A, COFFEE, 3);
      await expectNoDrift(inventory);
    },
  },
];
