import { type Actor, FakeClock, type StorageAdapter, sequentialIds } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import {
  createRetailKit,
  type RetailKit,
  type RetailKitOptions,
  type RetailKitRepositories,
} from '../../src/index.js';

/** A manager of every store. */
export const manager: Actor = { id: 'mia', roles: ['manager'] };
/** A cashier of Berlin. */
export const cashier: Actor = { id: 'cara', roles: ['cashier'], storeIds: ['berlin'] };
/** The web shop: sells for Berlin, from Berlin's shelves or the central warehouse. */
export const webShop: Actor = { id: 'web', roles: ['cashier'], storeIds: ['berlin', 'central'] };
/** A clerk of Berlin (fulfils and ships). */
export const clerk: Actor = { id: 'cleo', roles: ['clerk'], storeIds: ['berlin'] };

/** A kit over `storage` (a fresh memory adapter by default) with a fake clock and sequential ids. */
export function kitFixture<R extends RetailKitRepositories>(
  storage?: StorageAdapter<R>,
  orders?: RetailKitOptions['orders'],
): { kit: RetailKit<R>; clock: FakeClock } {
  const clock = new FakeClock('2026-03-02T10:00:00Z');
  const kit = createRetailKit({
    storage: storage ?? (createMemoryStorage() as unknown as StorageAdapter<R>),
    clock,
    ids: sequentialIds('id'),
    ...(orders ? { orders } : {}),
  });
  return { kit, clock };
}

/**
 * Two stores and a warehouse, a small catalog (tea at 7 %, mugs at 19 %, tins at 0.99) and stock:
 * 10 teas, 5 mugs and 10 tins in Berlin, 20 mugs in the warehouse.
 */
export async function seedKit(kit: RetailKit): Promise<void> {
  const as = { actor: manager };
  await kit.catalog.createTaxClass({ id: 'standard', name: 'Standard', rate: '19' }, as);
  await kit.catalog.createTaxClass({ id: 'reduced', name: 'Reduced', rate: '7' }, as);
  await kit.catalog.createCategory({ id: 'tea', name: 'Tea' }, as);
  await kit.catalog.createCategory({ id: 'ware', name: 'Teaware' }, as);
  await kit.catalog.createProduct(
    { id: 'sencha', name: 'Sencha', categoryId: 'tea', taxClassId: 'reduced' },
    as,
  );
  await kit.catalog.createProduct({ id: 'mug', name: 'Mug', categoryId: 'ware', taxClassId: 'standard' }, as);
  await kit.catalog.createProduct({ id: 'tin', name: 'Tin', categoryId: 'ware', taxClassId: 'standard' }, as);
  await kit.catalog.createSku(
    { code: 'TEA', productId: 'sencha', options: {}, listPrices: [{ amount: '4.99', currency: 'EUR' }] },
    as,
  );
  await kit.catalog.createSku(
    { code: 'MUG', productId: 'mug', options: {}, listPrices: [{ amount: '12.00', currency: 'EUR' }] },
    as,
  );
  await kit.catalog.createSku(
    { code: 'TIN', productId: 'tin', options: {}, listPrices: [{ amount: '0.99', currency: 'EUR' }] },
    as,
  );
  for (const [id, kind] of [
    ['berlin', 'store'],
    ['hamburg', 'store'],
    ['central', 'warehouse'],
  ] as const) {
    await kit.inventory.defineLocation(
      { id, kind, name: id, timeZone: 'Europe/Berlin', dayStart: '04:00', currency: 'EUR' },
      as,
    );
  }
  for (const sku of ['TEA', 'MUG', 'TIN']) await kit.inventory.registerItem({ sku, name: sku }, as);
  await kit.inventory.adjustStock(
    {
      locationId: 'berlin',
      lines: [
        { sku: 'TEA', quantity: 10, reason: 'found', unitCost: '2.00' },
        { sku: 'MUG', quantity: 5, reason: 'found', unitCost: '4.00' },
        { sku: 'TIN', quantity: 10, reason: 'found', unitCost: '0.30' },
      ],
    },
    as,
  );
  await kit.inventory.adjustStock(
    { locationId: 'central', lines: [{ sku: 'MUG', quantity: 20, reason: 'found', unitCost: '4.00' }] },
    as,
  );
}

/** On hand and reserved of a SKU at a location. */
export async function stockOf(
  kit: RetailKit,
  locationId: string,
  sku: string,
): Promise<{ onHand: string; reserved: string }> {
  const level = await kit.inventory.getStockLevel({ locationId, sku }, { actor: manager });
  return { onHand: level.onHand, reserved: level.reserved };
}
