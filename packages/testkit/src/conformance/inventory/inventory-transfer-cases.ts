import { isRetailKitError } from '@retailkit/core';
import { type TransferRecord, toUnits } from '@retailkit/inventory';
import { expect } from 'vitest';
import { rejection } from '../../assertions/rejection.js';
import { validationPaths } from '../../assertions/validation-paths.js';
import { stream } from '../case-helpers.js';
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
import {
  addStock,
  COFFEE,
  DEPOT,
  LOCATIONS,
  SCALE,
  STORE_A,
  STORE_B,
  seedInventory,
  TEA,
} from './inventory-fixture.js';

/** Expects shipped = received + short + damaged − over on every line of a settled transfer. */
function expectConserved(transfer: TransferRecord): void {
  for (const line of transfer.lines) {
    const scale = SCALE[line.sku] as number;
    const units = (value: string) => toUnits(value, scale);
    expect(units(line.shipped), `${line.sku} conserved`).toBe(
      units(line.received) + units(line.short) + units(line.damaged) - units(line.over),
    );
  }
}

/** Transfers: quantity is conserved through shipping and receiving, discrepancies included. */
export const inventoryTransferCases: readonly InventoryCase[] = [
  {
    id: 'inventory.transfer.conserves-quantity',
    title:
      'a transfer conserves quantity with short, over and damaged lines; in transit shows at the destination',
    run: async (context) => {
      const inventory = inventoryOf(context);
      await seedInventory(inventory);
      await addStock(inventory, DEPOT, TEA, '100', '2.00');
      await addStock(inventory, DEPOT, COFFEE, '10', '30.00');
      const po = await inventory.createPurchaseOrder(
        {
          locationId: STORE_A,
          supplierId: 'supplier',
          lines: [{ sku: TEA, quantity: '10', unitCost: '1.00' }],
        },
        as,
      );
      await inventory.orderPurchaseOrder({ id: po.id, locationId: STORE_A }, as);

      const created = await inventory.createTransfer(
        {
          fromLocationId: DEPOT,
          toLocationId: STORE_A,
          lines: [
            { sku: TEA, quantity: '40' },
            { sku: COFFEE, quantity: '4.5' },
          ],
        },
        as,
      );
      const ref = { id: created.id, fromLocationId: DEPOT, toLocationId: STORE_A };
      await inventory.requestTransfer(ref, as);
      await inventory.approveTransfer(ref, as);
      await inventory.shipTransfer({ ...ref, lines: [{ sku: TEA, quantity: '38' }] }, as);

      expect(await balancesOf(inventory, DEPOT, TEA)).toMatchObject({ onHand: '62', available: '62' });
      expect(await balancesOf(inventory, STORE_A, TEA)).toEqual({
        onHand: '0',
        reserved: '0',
        available: '0',
        // Incoming counts the purchase order and what is in transit.
        incoming: '48',
        inTransit: '38',
      });
      expect(await balancesOf(inventory, STORE_A, COFFEE)).toMatchObject({
        onHand: '0.000',
        incoming: '4.500',
        inTransit: '4.500',
      });
      await expectNoDrift(inventory);

      // Damaged and short beyond what is in transit are refused and change nothing.
      const before = await inventorySnapshot(context, inventory, LOCATIONS);
      const tooMuch = await rejection(
        inventory.receiveTransfer({ ...ref, lines: [{ sku: TEA, short: '30', damaged: '9' }] }, as),
      );
      expect(validationPaths(tooMuch)).toEqual(['lines.0.damaged']);
      expect(await inventorySnapshot(context, inventory, LOCATIONS)).toEqual(before);

      context.clock.advance({ hours: 20 });
      const first = await inventory.receiveTransfer(
        { ...ref, lines: [{ sku: TEA, received: '30', damaged: '2' }] },
        as,
      );
      expect(first.transfer.status).toBe('partially-received');
      expect(await balancesOf(inventory, STORE_A, TEA)).toEqual({
        onHand: '30',
        reserved: '0',
        available: '30',
        incoming: '16',
        inTransit: '6',
      });
      await expectNoDrift(inventory);

      context.clock.advance({ hours: 1 });
      const second = await inventory.receiveTransfer(
        {
          ...ref,
          lines: [
            { sku: TEA, received: '5', short: '1' },
            { sku: COFFEE, received: '4.6' },
          ],
          note: 'delivery note 17',
        },
        as,
      );
      expect(second.transfer.status).toBe('received');
      expect(
        second.lines.map((line) => [line.sku, line.received, line.over, line.short, line.damaged]),
      ).toEqual([
        [TEA, '5', '0', '1', '0'],
        [COFFEE, '4.600', '0.100', '0.000', '0.000'],
      ]);
      const transfer = await inventory.getTransfer({ id: created.id }, as);
      expectConserved(transfer);
      expect(
        transfer.lines.map((line) => ({
          sku: line.sku,
          shipped: canonical(line.shipped),
          received: canonical(line.received),
          short: canonical(line.short),
          over: canonical(line.over),
          damaged: canonical(line.damaged),
        })),
      ).toEqual([
        { sku: TEA, shipped: '38', received: '35', short: '1', over: '0', damaged: '2' },
        { sku: COFFEE, shipped: '4.5', received: '4.6', short: '0', over: '0.1', damaged: '0' },
      ]);

      expect(await balancesOf(inventory, STORE_A, TEA)).toEqual({
        onHand: '35',
        reserved: '0',
        available: '35',
        incoming: '10',
        inTransit: '0',
      });
      expect(await balancesOf(inventory, STORE_A, COFFEE)).toMatchObject({
        onHand: '4.600',
        incoming: '0.000',
        inTransit: '0.000',
      });
      expect(await balancesOf(inventory, DEPOT, COFFEE)).toMatchObject({ onHand: '5.500' });
      // Stock arrives at the cost it left at.
      const arrived = await inventory.getStockLevel({ locationId: STORE_A, sku: COFFEE }, as);
      expect(canonical(arrived.averageCost)).toBe('30');

      // Across both ends, the ledger moved exactly what was lost (short, damaged) or gained (over).
      // Losses are booked at the destination as a transfer-in written off at once, at the shipped
      // cost: the transfer legs net to what arrived beyond the shipment, the write-offs to the loss.
      const legs = await allPages((page) =>
        inventory.listStockMovements({ reasons: ['transfer-out', 'transfer-in', 'write-off'], ...page }, as),
      );
      const net = (sku: string, reasons: readonly string[]) =>
        legs
          .filter(
            (movement) =>
              movement.sku === sku &&
              movement.referenceId === created.id &&
              reasons.includes(movement.reason),
          )
          .reduce((sum, movement) => sum + toUnits(movement.quantity, SCALE[sku] as number), 0n);
      expect(net(TEA, ['transfer-out', 'transfer-in', 'write-off'])).toBe(-3n);
      expect(net(TEA, ['transfer-out', 'transfer-in'])).toBe(0n);
      expect(net(TEA, ['write-off'])).toBe(-3n);
      expect(net(COFFEE, ['transfer-out', 'transfer-in', 'write-off'])).toBe(100n);
      expect(
        legs
          .filter((movement) => movement.reason === 'write-off' && movement.referenceId === created.id)
          .map((movement) => [
            movement.locationId,
            movement.sku,
            canonical(movement.quantity),
            canonical(movement.unitCost),
            movement.note,
          ]),
      ).toEqual([
        [STORE_A, TEA, '-2', '2', 'damaged in transit'],
        [STORE_A, TEA, '-1', '2', 'lost in transit'],
      ]);
      // Only the sellable arrivals set the destination's average (it held no tea before).
      const tea = await inventory.getStockLevel({ locationId: STORE_A, sku: TEA }, as);
      expect(canonical(tea.averageCost)).toBe('2');

      const received = (await stream(context, `transfer:${created.id}`)).filter(
        (event) => event.type === 'inventory.transfer-received',
      );
      expect(
        received.map((event) =>
          (event.payload as { discrepancies: { sku: string }[] }).discrepancies.map((line) => line.sku),
        ),
      ).toEqual([[TEA], [TEA, COFFEE]]);

      for (const locationId of [DEPOT, STORE_A]) {
        await expectLevelMatchesLedger(inventory, locationId, TEA, 0);
        await expectLevelMatchesLedger(inventory, locationId, COFFEE, 3);
      }
      await expectNoDrift(inventory);
    },
  },
  {
    id: 'inventory.transfer.cancel-only-before-shipping',
    title: 'a transfer cancels before it ships and changes no stock; once shipped it cannot be cancelled',
    run: async (context) => {
      const inventory = inventoryOf(context);
      await seedInventory(inventory);
      await addStock(inventory, STORE_A, TEA, '5');
      const transfer = (id: string) => ({ id, fromLocationId: STORE_A, toLocationId: STORE_B });
      const draft = await inventory.createTransfer(
        { fromLocationId: STORE_A, toLocationId: STORE_B, lines: [{ sku: TEA, quantity: '2' }] },
        as,
      );
      expect((await inventory.cancelTransfer(transfer(draft.id), as)).status).toBe('cancelled');
      const shipped = await inventory.createTransfer(
        { fromLocationId: STORE_A, toLocationId: STORE_B, lines: [{ sku: TEA, quantity: '2' }] },
        as,
      );
      await inventory.requestTransfer(transfer(shipped.id), as);
      await inventory.approveTransfer(transfer(shipped.id), as);
      await inventory.shipTransfer(transfer(shipped.id), as);
      const before = await inventorySnapshot(context, inventory, LOCATIONS);
      const error = await rejection(inventory.cancelTransfer(transfer(shipped.id), as));
      expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
      expect(await inventorySnapshot(context, inventory, LOCATIONS)).toEqual(before);
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({ onHand: '3' });
      expect(await balancesOf(inventory, STORE_B, TEA)).toMatchObject({ incoming: '2', inTransit: '2' });
      await expectNoDrift(inventory);
    },
  },
];
