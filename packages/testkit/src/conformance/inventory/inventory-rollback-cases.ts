import { isRetailKitError } from '@retailkit/core';
import { expect } from 'vitest';
import { rejection } from '../../assertions/rejection.js';
import { validationPaths } from '../../assertions/validation-paths.js';
import {
  as,
  expectNoDrift,
  type InventoryCase,
  inventoryOf,
  inventorySnapshot,
} from './inventory-case-helpers.js';
import { addStock, COFFEE, LOCATIONS, STORE_A, STORE_B, seedInventory, TEA } from './inventory-fixture.js';

/** Refused commands leave levels, ledger, documents and the outbox exactly as they were. */
export const inventoryRollbackCases: readonly InventoryCase[] = [
  {
    id: 'inventory.rollback.short-line-changes-nothing',
    title: 'a command whose second SKU is short is refused as a whole and leaves the first SKU untouched',
    run: async (context) => {
      const inventory = inventoryOf(context);
      await seedInventory(inventory);
      await addStock(inventory, STORE_A, TEA, '10');
      await addStock(inventory, STORE_A, COFFEE, '1', '20.00');
      const transfer = await inventory.createTransfer(
        {
          fromLocationId: STORE_A,
          toLocationId: STORE_B,
          lines: [
            { sku: TEA, quantity: '5' },
            { sku: COFFEE, quantity: '2' },
          ],
        },
        as,
      );
      const ref = { id: transfer.id, fromLocationId: STORE_A, toLocationId: STORE_B };
      await inventory.requestTransfer(ref, as);
      await inventory.approveTransfer(ref, as);
      const before = await inventorySnapshot(context, inventory, LOCATIONS);
      const coffeeShort = {
        shortages: [{ locationId: STORE_A, sku: COFFEE, requested: '1.500', available: '1.000' }],
      };

      const reserve = await rejection(
        inventory.reserveStock(
          {
            reference: 'o-1',
            locationId: STORE_A,
            lines: [
              { sku: TEA, quantity: '3' },
              { sku: COFFEE, quantity: '1.5' },
            ],
          },
          as,
        ),
      );
      expect(isRetailKitError(reserve, 'INSUFFICIENT_STOCK')).toBe(true);
      expect(reserve).toMatchObject({ details: coffeeShort });
      const sale = await rejection(
        inventory.recordSale(
          {
            locationId: STORE_A,
            lines: [
              { sku: TEA, quantity: '3' },
              { sku: COFFEE, quantity: '1.500' },
            ],
          },
          as,
        ),
      );
      expect(sale).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: coffeeShort });
      const ship = await rejection(inventory.shipTransfer(ref, as));
      expect(ship).toMatchObject({
        code: 'INSUFFICIENT_STOCK',
        details: { shortages: [{ locationId: STORE_A, sku: COFFEE, requested: '2.000' }] },
      });
      expect(await inventorySnapshot(context, inventory, LOCATIONS)).toEqual(before);
      expect((await inventory.getTransfer({ id: transfer.id }, as)).status).toBe('approved');

      // Nothing is left behind that blocks the next command.
      await inventory.reserveStock(
        {
          reference: 'o-1',
          locationId: STORE_A,
          lines: [
            { sku: TEA, quantity: '3' },
            { sku: COFFEE, quantity: '1' },
          ],
        },
        as,
      );
      await expectNoDrift(inventory);
    },
  },
  {
    id: 'inventory.rollback.invalid-input-changes-nothing',
    title:
      'invalid input (unknown SKU or location, bad quantities, own-location transfer) is a ValidationError that writes nothing',
    run: async (context) => {
      const inventory = inventoryOf(context);
      await seedInventory(inventory);
      await addStock(inventory, STORE_A, TEA, '10');
      await addStock(inventory, STORE_A, COFFEE, '2');
      const po = await inventory.createPurchaseOrder(
        {
          locationId: STORE_A,
          supplierId: 'supplier',
          lines: [{ sku: TEA, quantity: '5', unitCost: '1.50' }],
        },
        as,
      );
      await inventory.orderPurchaseOrder({ id: po.id, locationId: STORE_A }, as);
      const { reservations } = await inventory.reserveStock(
        { reference: 'o-1', locationId: STORE_A, lines: [{ sku: TEA, quantity: '2' }] },
        as,
      );
      const reservationId = reservations[0]?.id as string;
      const before = await inventorySnapshot(context, inventory, LOCATIONS);

      const refused: [() => Promise<unknown>, string[]][] = [
        [
          () =>
            inventory.reserveStock(
              {
                reference: 'o-2',
                locationId: STORE_A,
                lines: [
                  { sku: TEA, quantity: '1' },
                  { sku: 'no-such-sku', quantity: '1' },
                ],
              },
              as,
            ),
          ['lines.1.sku'],
        ],
        [
          () =>
            inventory.reserveStock(
              {
                reference: 'o-2',
                locationId: STORE_A,
                lines: [
                  { sku: 'no-such-sku', quantity: '1' },
                  { sku: TEA, quantity: '1.5' },
                ],
              },
              as,
            ),
          ['lines.0.sku', 'lines.1.quantity'],
        ],
        [
          () =>
            inventory.reserveStock(
              { reference: 'o-2', locationId: 'nowhere', lines: [{ sku: TEA, quantity: '1' }] },
              as,
            ),
          ['locationId'],
        ],
        [
          () => inventory.recordSale({ locationId: STORE_A, lines: [{ sku: TEA, quantity: '-1' }] }, as),
          ['lines.0.quantity'],
        ],
        [
          () =>
            inventory.adjustStock(
              { locationId: STORE_A, lines: [{ sku: COFFEE, quantity: '0.0001', reason: 'found' }] },
              as,
            ),
          ['lines.0.quantity'],
        ],
        [
          () =>
            inventory.createTransfer(
              { fromLocationId: STORE_A, toLocationId: STORE_A, lines: [{ sku: TEA, quantity: '1' }] },
              as,
            ),
          ['toLocationId'],
        ],
        [
          () =>
            inventory.receivePurchaseOrder(
              { id: po.id, locationId: STORE_A, lines: [{ sku: TEA, quantity: '6' }] },
              as,
            ),
          ['lines.0.quantity'],
        ],
        [
          () =>
            inventory.createPurchaseOrder(
              {
                locationId: STORE_A,
                supplierId: 'supplier',
                lines: [{ sku: 'no-such-sku', quantity: '1', unitCost: '1.00' }],
              },
              as,
            ),
          ['lines.0.sku'],
        ],
        [
          () => inventory.commitReservation({ reservationId, lines: [{ sku: COFFEE, quantity: '1' }] }, as),
          ['lines.0.sku'],
        ],
      ];
      for (const [command, paths] of refused) {
        expect(validationPaths(await rejection(command()))).toEqual(paths);
      }
      expect(await inventorySnapshot(context, inventory, LOCATIONS)).toEqual(before);
      await expectNoDrift(inventory);
    },
  },
];
