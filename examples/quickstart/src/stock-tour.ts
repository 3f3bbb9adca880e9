import { type Clock, createCommandRunner, isRetailKitError, type StorageAdapter } from '@retailkit/core';
import { createInventory, type InventoryStorageRepositories } from '@retailkit/inventory';
import type { Printer } from './quickstart.js';

/**
 * The inventory part of the tour: a store and a warehouse, stock received at cost, a reorder rule,
 * then a rush of parallel reservations against the last units. None oversells.
 */
export async function runStockTour(
  print: Printer,
  clock: Clock,
  storage: StorageAdapter<InventoryStorageRepositories>,
) {
  const inventory = createInventory({ runner: createCommandRunner({ storage, clock }) });
  const manager = { id: 'mia', roles: ['manager'] };
  const till = { id: 'till-2', roles: ['cashier'], storeIds: ['berlin-mitte'] };

  await inventory.defineLocation(
    {
      id: 'berlin-mitte',
      kind: 'store',
      name: 'Berlin Mitte',
      timeZone: 'Europe/Berlin',
      dayStart: '04:00',
      currency: 'EUR',
    },
    { actor: manager },
  );
  await inventory.registerItem({ sku: 'matcha-tin', name: 'Matcha, 30 g tin' }, { actor: manager });
  await inventory.registerItem({ sku: 'loose-sencha', name: 'Loose sencha', unit: 'kg' }, { actor: manager });
  await inventory.adjustStock(
    {
      locationId: 'berlin-mitte',
      lines: [
        { sku: 'matcha-tin', quantity: 8, reason: 'found', unitCost: '6.40' },
        { sku: 'loose-sencha', quantity: '2.500', reason: 'found', unitCost: '38.00' },
      ],
    },
    { actor: manager },
  );
  await inventory.setReorderRule(
    {
      locationId: 'berlin-mitte',
      sku: 'matcha-tin',
      reorderPoint: 3,
      method: 'fixed-quantity',
      reorderQuantity: 12,
      source: { kind: 'purchase', supplierId: 'uji-tea-co' },
    },
    { actor: manager },
  );

  print.section('Inventory: two lines of one SKU are checked together');
  let twoLines = 'accepted';
  try {
    await inventory.reserveStock(
      {
        reference: 'order-41',
        locationId: 'berlin-mitte',
        lines: [
          { sku: 'matcha-tin', quantity: 5 },
          { sku: 'matcha-tin', quantity: 5 },
        ],
      },
      { actor: till },
    );
  } catch (error) {
    twoLines = isRetailKitError(error) ? error.code : 'unexpected';
  }
  print.line(`5 + 5 tins against 8 on hand: ${twoLines}`);

  print.section('Inventory: 20 tills reserve one tin each at the same moment, 8 on hand');
  const attempts = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) =>
      inventory.reserveStock(
        {
          reference: `order-${100 + i}`,
          locationId: 'berlin-mitte',
          lines: [{ sku: 'matcha-tin', quantity: 1 }],
        },
        { actor: till },
      ),
    ),
  );
  const reserved = attempts.filter((attempt) => attempt.status === 'fulfilled');
  const refused = attempts.filter(
    (attempt) => attempt.status === 'rejected' && isRetailKitError(attempt.reason, 'INSUFFICIENT_STOCK'),
  );
  print.line(`${reserved.length} reserved, ${refused.length} refused with INSUFFICIENT_STOCK`);
  const [firstSale] = reserved;
  if (firstSale?.status === 'fulfilled') {
    const reservationId = firstSale.value.reservations[0]?.id ?? '';
    await inventory.commitReservation({ reservationId, locationId: 'berlin-mitte' }, { actor: till });
  }
  await inventory.recordSale(
    { locationId: 'berlin-mitte', lines: [{ sku: 'loose-sencha', quantity: '0.375' }] },
    { actor: till },
  );

  const levels = await inventory.getStockLevels({ locationId: 'berlin-mitte' }, { actor: till });
  print.table(
    levels.items.map((level) => ({
      sku: level.sku,
      unit: level.unit,
      'on hand': level.onHand,
      reserved: level.reserved,
      available: level.available,
      'average cost': level.averageCost,
    })),
  );
  const alerts = await inventory.lowStockReport({ locationId: 'berlin-mitte' }, { actor: till });
  print.section('Inventory: the low-stock list (available + incoming below the reorder point)');
  print.table(
    alerts.items.map((row) => ({
      sku: row.sku,
      available: row.available,
      incoming: row.incoming,
      'reorder point': row.reorderPoint,
      shortfall: row.shortfall,
      'reorder from': row.source.kind === 'purchase' ? row.source.supplierId : row.source.fromLocationId,
    })),
  );
  const audit = await inventory.verifyStock({ locationId: 'berlin-mitte' }, { actor: till });
  print.line(`ledger check: ${audit.drifts.length} drifts in ${audit.checked} levels`);
  return {
    twoLines,
    reserved: reserved.length,
    refused: refused.length,
    levels: levels.items.map((level) => [level.sku, level.onHand, level.reserved, level.available]),
    lowStock: alerts.items.map((row) => row.sku),
    drifts: audit.drifts.length,
  };
}
