import { isRetailKitError } from '@retailkit/core';
import { aClerk, aManager } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { type InventorySetup, setupInventory } from '../../test/support/setup-inventory.js';
import { createPurchaseOrder } from '../purchase-orders/create-purchase-order.js';
import { orderPurchaseOrder } from '../purchase-orders/order-purchase-order.js';
import { receivePurchaseOrder } from '../purchase-orders/receive-purchase-order.js';
import { reserveStock } from '../reservations/reserve-stock.js';
import { approveTransfer } from '../transfers/approve-transfer.js';
import { createTransfer } from '../transfers/create-transfer.js';
import { receiveTransfer } from '../transfers/receive-transfer.js';
import { requestTransfer } from '../transfers/request-transfer.js';
import { shipTransfer } from '../transfers/ship-transfer.js';
import { rebuildStock } from './rebuild-stock.js';
import { verifyStock } from './verify-stock.js';

/**
 * Berlin: 10 tea received, 3 reserved, a purchase order with 4 of 6 tea outstanding, a transfer of
 * 5 tea from central with 2 received, 1 short and 2 still in transit; hamburg: 1.5 kg coffee.
 */
async function busyInventory(t: InventorySetup) {
  await t.receive('berlin', 'tea-each', 10, '2.00');
  await t.receive('hamburg', 'coffee-kg', '1.5', '9.00');
  await t.receive('central', 'tea-each', 8, '1.00');
  await t.execute(reserveStock, {
    reference: 'order-1',
    locationId: 'berlin',
    lines: [{ sku: 'tea-each', quantity: 3 }],
  });
  const po = await t.execute(createPurchaseOrder, {
    locationId: 'berlin',
    supplierId: 's',
    lines: [{ sku: 'tea-each', quantity: 6, unitCost: '2.00' }],
  });
  await t.execute(orderPurchaseOrder, { id: po.id, locationId: 'berlin' });
  await t.execute(receivePurchaseOrder, {
    id: po.id,
    locationId: 'berlin',
    lines: [{ sku: 'tea-each', quantity: 2 }],
  });
  const route = { fromLocationId: 'central', toLocationId: 'berlin' };
  const transfer = await t.execute(createTransfer, { ...route, lines: [{ sku: 'tea-each', quantity: 5 }] });
  await t.execute(requestTransfer, { id: transfer.id, ...route });
  await t.execute(approveTransfer, { id: transfer.id, ...route });
  await t.execute(shipTransfer, { id: transfer.id, ...route });
  await t.execute(receiveTransfer, {
    id: transfer.id,
    ...route,
    lines: [{ sku: 'tea-each', received: 2, short: 1 }],
  });
}

describe('verifyStock and rebuildStock', () => {
  it('finds no drift when levels follow the ledger and the open documents', async () => {
    const t = await setupInventory();
    await busyInventory(t);
    const level = await t.level('berlin', 'tea-each');
    // 10 + 2 received on the order + 2 from the transfer; incoming = 4 outstanding + 2 in transit.
    expect(level).toMatchObject({ onHand: '14', reserved: '3', incoming: '6', inTransit: '2' });
    expect(await verifyStock(t.runner, {}, { actor: t.admin })).toEqual({ checked: 3, drifts: [] });
    expect(await verifyStock(t.runner, { locationId: 'berlin' }, { actor: aClerk('berlin') })).toEqual({
      checked: 1,
      drifts: [],
    });
  });

  it('reports drift written straight to storage, and rebuild sets it right', async () => {
    const t = await setupInventory();
    await busyInventory(t);
    await t.storage.transaction(async (tx) => {
      const level = await tx.inventory.getLevel({ locationId: 'berlin', sku: 'tea-each' });
      if (!level) throw new Error('no level');
      await tx.inventory.putLevel({ ...level, onHand: '99', reserved: '0', inTransit: '2' });
      // A level for a SKU nothing ever happened to at berlin.
      await tx.inventory.putLevel({
        ...level,
        sku: 'coffee-kg',
        onHand: '0.25',
        reserved: '0',
        incoming: '0',
        inTransit: '0',
      });
    });
    const drifts = [
      { locationId: 'berlin', sku: 'coffee-kg', field: 'onHand', stored: '0.250', expected: '0.000' },
      { locationId: 'berlin', sku: 'tea-each', field: 'onHand', stored: '99', expected: '14' },
      { locationId: 'berlin', sku: 'tea-each', field: 'reserved', stored: '0', expected: '3' },
    ];
    expect(await verifyStock(t.runner, {}, { actor: t.admin })).toEqual({ checked: 4, drifts });
    expect(
      await verifyStock(t.runner, { locationId: 'berlin', sku: 'tea-each' }, { actor: t.admin }),
    ).toEqual({
      checked: 1,
      drifts: drifts.slice(1),
    });

    // Rebuilding needs inventory.rebuild: a clerk may not.
    const refused = await rejection(t.execute(rebuildStock, { locationId: 'berlin' }, aClerk('berlin')));
    expect(isRetailKitError(refused, 'FORBIDDEN')).toBe(true);
    const { result, events } = await t.run(rebuildStock, { locationId: 'berlin' }, aManager(['berlin']));
    expect(result).toEqual({ checked: 2, drifts });
    expect(events).toMatchObject([
      {
        type: 'inventory.stock-rebuilt',
        stream: 'location:berlin',
        storeId: 'berlin',
        payload: { locationId: 'berlin', businessDate: '2025-03-03', drifts },
      },
    ]);
    expect(await t.level('berlin', 'tea-each')).toMatchObject({
      onHand: '14',
      reserved: '3',
      incoming: '6',
      inTransit: '2',
      averageCost: expect.any(String),
    });
    expect(await verifyStock(t.runner, {}, { actor: t.admin })).toEqual({ checked: 4, drifts: [] });
    // Nothing left to fix: no event.
    expect((await t.run(rebuildStock, {}, t.admin)).events).toEqual([]);
  });

  it('rebuilds one location from the ledger and its documents', async () => {
    const t = await setupInventory();
    await busyInventory(t);
    await t.storage.transaction(async (tx) => {
      const level = await tx.inventory.getLevel({ locationId: 'hamburg', sku: 'coffee-kg' });
      if (!level) throw new Error('no level');
      await tx.inventory.putLevel({ ...level, onHand: '0', updatedAt: level.updatedAt });
    });
    const { drifts } = await t.execute(rebuildStock, { locationId: 'hamburg' }, aManager(['hamburg']));
    expect(drifts).toEqual([
      { locationId: 'hamburg', sku: 'coffee-kg', field: 'onHand', stored: '0.000', expected: '1.500' },
    ]);
    expect(await t.balances('hamburg', 'coffee-kg')).toEqual(['1.500', '0.000']);
  });

  it('checks its input and the scope of the actor', async () => {
    const t = await setupInventory();
    expect(
      validationPaths(await rejection(verifyStock(t.runner, { locationId: 'nowhere' }, { actor: t.admin }))),
    ).toEqual(['locationId']);
    expect(validationPaths(await rejection(verifyStock(t.runner, { sku: '' }, { actor: t.admin })))).toEqual([
      'sku',
    ]);
    expect(validationPaths(await rejection(t.execute(rebuildStock, { locationId: 'nowhere' })))).toEqual([
      'locationId',
    ]);
    // Chain-wide needs a chain-wide actor; another store is out of scope.
    for (const input of [{}, { locationId: 'hamburg' }]) {
      const error = await rejection(verifyStock(t.runner, input, { actor: aManager(['berlin']) }));
      expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
      const rebuild = await rejection(t.execute(rebuildStock, input, aManager(['berlin'])));
      expect(isRetailKitError(rebuild, 'FORBIDDEN')).toBe(true);
    }
  });
});
