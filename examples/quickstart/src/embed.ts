import { createPGliteStorage } from '@retailkit/storage-sql';
import { createRetailKit } from 'retailkit';

const kit = createRetailKit({ storage: createPGliteStorage() }); // embedded PostgreSQL, in memory
const hq = { actor: { id: 'hq', roles: ['admin'] } };
const store = { timeZone: 'Europe/Berlin', currency: 'EUR' } as const;
await kit.catalog.createTaxClass({ id: 'std', name: 'Standard', rate: '19' }, hq);
await kit.catalog.createProduct({ id: 'mug', name: 'Mug', taxClassId: 'std' }, hq);
const price = { amount: '12.00', currency: 'EUR' };
await kit.catalog.createSku({ code: 'MUG', productId: 'mug', options: {}, listPrices: [price] }, hq);
await kit.inventory.defineLocation({ id: 'berlin', kind: 'store', name: 'Berlin', ...store }, hq);
await kit.inventory.registerItem({ sku: 'MUG', name: 'Mug' }, hq);
const mugs = { sku: 'MUG', quantity: 5, reason: 'found' } as const;
await kit.inventory.adjustStock({ locationId: 'berlin', lines: [mugs] }, hq);

const till = { actor: { id: 'ana', roles: ['cashier'], storeIds: ['berlin'] } };
const card = { key: 'till-1/0001', tender: 'card', amount: '28.56' } as const; // 2 × 12.00 + 19 % VAT
export const sale = await kit.orders.sellInStore(
  { storeId: 'berlin', lines: [{ sku: 'MUG', quantity: 2 }], payments: [card] },
  till,
);
export const mugsLeft = (await kit.inventory.getStockLevel({ locationId: 'berlin', sku: 'MUG' }, till))
  .onHand;
await kit.close();
