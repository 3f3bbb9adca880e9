import { PGlite } from '@electric-sql/pglite';
import { createPGliteStorage, type PGliteLike } from '@retailkit/storage-sql';
import { createRetailKit } from 'retailkit';
import { bench } from 'vitest';

const pglite = await PGlite.create();
const log: string[] = [];
let on = false;
const wrapped: PGliteLike = {
  query: (text, params) => { if (on) log.push(`${text} :: ${String(JSON.stringify(params)).slice(0, 300)}`); return pglite.query(text, params) as never; },
  transaction: (cb) => pglite.transaction((tx) => { if (on) log.push('BEGIN'); return cb({ query: (text, params) => { if (on) log.push(`${text} :: ${String(JSON.stringify(params)).slice(0, 400)}`); return tx.query(text, params) as never; }, rollback: () => tx.rollback() }); }),
  close: () => pglite.close(),
};
const kit = createRetailKit({ storage: createPGliteStorage({ pglite: wrapped }) });
const admin = { actor: { id: 'bench', roles: ['admin'] } };
await kit.catalog.createTaxClass({ id: 'standard', name: 'Standard', rate: '19' }, admin);
await kit.catalog.createProduct({ id: 'p', name: 'P', taxClassId: 'standard' }, admin);
for (const code of ['A', 'B']) await kit.catalog.createSku({ code, productId: 'p', options: {}, listPrices: [{ amount: '4.99', currency: 'EUR' }] }, admin);
await kit.inventory.defineLocation({ id: 'berlin', kind: 'store', name: 'Berlin', timeZone: 'Europe/Berlin', currency: 'EUR' }, admin);
for (const sku of ['A', 'B']) await kit.inventory.registerItem({ sku, name: sku }, admin);
await kit.inventory.adjustStock({ locationId: 'berlin', lines: [{ sku: 'A', quantity: 100, reason: 'found' }, { sku: 'B', quantity: 100, reason: 'found' }] }, admin);
const cashier = { actor: { id: 'till', roles: ['cashier'], storeIds: ['berlin'] } };
const clerk = { actor: { id: 'clerk', roles: ['clerk'], storeIds: ['berlin'] } };
on = true;
log.push('==== create');
const o = await kit.orders.createOrder({ storeId: 'berlin', channel: 'in-store', lines: [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }], place: true }, cashier);
log.push('==== pay');
await kit.orders.recordPayment({ storeId: 'berlin', orderId: o.id, key: 'p1', tender: 'cash', amount: o.totals.total }, cashier);
log.push('==== fulfil');
await kit.orders.fulfilOrder({ storeId: 'berlin', orderId: o.id }, clerk);
on = false;
console.log(log.join('\n'));
bench('x', () => {});
